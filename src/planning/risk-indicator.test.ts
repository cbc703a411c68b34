import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../catalog/index.ts';
import { indicatorOfTopic, targetIndicator, TOPIC_INDICATOR } from './risk-indicator.ts';

describe('catalog topic → monitor indicator', () => {
  it('maps the risk factors to the demo codebook’s indicators', () => {
    expect(indicatorOfTopic('smoking')).toBe('dagligryger');
    expect(indicatorOfTopic('physical_activity')).toBe('fysisk_inaktiv');
    expect(indicatorOfTopic('alcohol')).toBe('hoejt_alkohol');
    expect(indicatorOfTopic('family')).toBeNull();
    expect(indicatorOfTopic('dagligryger')).toBeNull(); // an indicator key is no topic
    expect(indicatorOfTopic('toString')).toBeNull();
  });

  it('covers every topic, and every key it names is in the codebook', () => {
    expect(Object.keys(TOPIC_INDICATOR).sort()).toEqual([...TOPICS].sort());
    // The example codebook the demo survey is built on.
    const codebook = JSON.parse(
      readFileSync(new URL('../../examples/monitor/codebook.json', import.meta.url), 'utf8'),
    ) as { indicators: { key: string }[] };
    const keys = new Set(codebook.indicators.map((i) => i.key));
    for (const key of Object.values(TOPIC_INDICATOR))
      if (key !== null) expect(keys, key).toContain(key);
  });

  it('takes the first risk factor the monitor measures', () => {
    expect(targetIndicator([])).toBeNull();
    expect(targetIndicator([{ dimension: 'uddannelse', group: '1' }])).toBeNull();
    expect(
      targetIndicator([
        { dimension: 'uddannelse', group: '1', riskFactor: 'family' },
        { dimension: 'uddannelse', group: '1', riskFactor: 'smoking' },
      ]),
    ).toBe('dagligryger');
  });
});
