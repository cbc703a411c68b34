import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageKeys, translator } from './i18n.ts';
import {
  ARENAS,
  FLAGS,
  LIFE_PHASES,
  MODES,
  OFFER_STATUSES,
  OFFER_TYPES,
  ORGANIZATION_KINDS,
  RECOMMENDATIONS,
  TOPICS,
} from '../catalog/offer.ts';
import { TIMES_OF_DAY } from '../catalog/finder.ts';
import { ROLES } from '../platform/principal.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('interface text', () => {
  it('has a Danish message for every literal key the code uses', () => {
    const keys = new Set(messageKeys('da'));
    const used = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      // HSDS import problems are plain English for the CLI and API, not message keys.
      if (file.includes(`hsds`)) continue;
      for (const m of text.matchAll(/message: '([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has a label for every value of the vocabulary', () => {
    const keys = new Set(messageKeys('da'));
    const needed = [
      ...TOPICS.map((x) => `topic.${x}`),
      ...ARENAS.map((x) => `arena.${x}`),
      ...OFFER_TYPES.map((x) => `offerType.${x}`),
      ...MODES.map((x) => `mode.${x}`),
      ...LIFE_PHASES.map((x) => `lifePhase.${x}`),
      ...FLAGS.map((x) => `flag.${x}`),
      ...OFFER_STATUSES.map((x) => `status.${x}`),
      ...ROLES.map((x) => `role.${x}`),
      'role.citizen',
      ...ORGANIZATION_KINDS.map((x) => `orgKind.${x}`),
      ...RECOMMENDATIONS.map((x) => `recommendation.${x}`),
      ...TIMES_OF_DAY.map((x) => `finder.time.${x}`),
      ...['notFound', 'forbidden', 'csrf', 'rateLimited', 'validation', 'internal'].flatMap((x) => [
        `error.${x}.title`,
        `error.${x}.body`,
      ]),
      ...['read', 'create', 'update', 'delete', 'export'].map((x) => `audit.action.${x}`),
      ...['title', 'summary', 'description', 'tr.title', 'tr.summary', 'tr.description'].map(
        (x) => `offerForm.field.${x}`,
      ),
    ];
    expect(needed.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('formats plurals per language', () => {
    expect(translator('da')('finder.resultCount', { count: 1 })).toBe('Vi fandt 1 tilbud');
    expect(translator('da')('finder.resultCount', { count: 0 })).toBe('Vi fandt ingen tilbud');
  });

  it('throws on an unknown key instead of showing it', () => {
    expect(() => translator('da')('no.such.key')).toThrow(/Unknown message key/);
  });
});
