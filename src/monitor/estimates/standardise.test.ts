import { describe, expect, it } from 'vitest';
import { directlyStandardise } from './standardise.ts';

describe('direct age standardisation', () => {
  it('weights age-specific prevalences by the standard population', () => {
    // Two age groups, 20 % and 40 %, standard 3:1 → 25 %; se = sqrt(0.75² 2² + 0.25² 4²).
    const s = directlyStandardise(
      [
        { value: 20, se: 2 },
        { value: 40, se: 4 },
      ],
      [300, 100],
    )!;
    expect(s.value).toBeCloseTo(25, 12);
    expect(s.se).toBeCloseTo(Math.sqrt(0.75 ** 2 * 4 + 0.25 ** 2 * 16), 12);
    expect(s.lower).toBeCloseTo(25 - 1.959964 * s.se, 5);
  });

  it('equals the crude share when the area has the standard age structure', () => {
    const s = directlyStandardise(
      [
        { value: 10, se: 1 },
        { value: 30, se: 1 },
      ],
      [1, 1],
    )!;
    expect(s.value).toBe(20);
  });

  it('gives nothing when an age group is hidden', () => {
    expect(
      directlyStandardise(
        [
          { value: 10, se: 1 },
          { value: null, se: null },
        ],
        [1, 1],
      ),
    ).toBeNull();
    expect(directlyStandardise([{ value: 10, se: 1 }], [1, 1])).toBeNull();
    expect(directlyStandardise([{ value: 10, se: 1 }], [0])).toBeNull();
  });
});
