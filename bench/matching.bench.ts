/**
 * Matching benchmark: `npm run bench:matching [-- --engine pglite|postgres|both --offers 25000 --runs 300]`.
 * See bench/README.md.
 *
 * Per engine: a fresh migrated database with the national postcode table and the synthetic
 * national catalog (the finder benchmark's, 25,000 published offers in 98 municipalities).
 * For a mix of citizens in Roskilde (postcode, priorities, support level, language drawn at
 * random), it times what the offers page does (candidate offers with distances and schedules,
 * then the pure ranking) against the bare candidate SQL in the same process, and the ranking
 * alone. Results go to stdout (markdown) and bench/results/matching-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inTenant } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openBenchEngine } from './engines.ts';
import { ensurePostcodes } from '../src/platform/geo/postcode.store.ts';
import { CANDIDATES_SQL, candidateOffers } from '../src/conversation/matching.store.ts';
import { fittingTopics, matchOffers, type MatchCitizen } from '../src/conversation/matching.ts';
import { PRIORITY_DOMAINS } from '../src/conversation/instruments/social.ts';
import { SUPPORT_LEVELS } from '../src/conversation/profile.ts';
import { buildNationalCatalog, readPostcodeTable } from './national-catalog.ts';
import { mulberry32, pick, pickSome, r2, summarize, type LatencySummary } from './stats.ts';

const KOMMUNE = '0265';
const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    offers: { type: 'string', default: '25000' },
    runs: { type: 'string', default: '300' },
    seed: { type: 'string', default: '20261124' },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);

interface EngineResult {
  engine: string;
  offers: number;
  candidates: { mean: number; max: number };
  bareSql: LatencySummary;
  page: LatencySummary;
  rankingOnly: LatencySummary;
  ratioP50: number;
  ratioP95: number;
}

async function run(engine: 'pglite' | 'postgres'): Promise<EngineResult | null> {
  const opened = await openBenchEngine(engine, 'matching', 2);
  if (typeof opened === 'string') {
    log(`${engine}: ${opened}`);
    return null;
  }
  const { db, cleanup } = opened;
  try {
    await migrate(db);
    await ensurePostcodes(db);
    log(`${engine}: building ${flags.offers} offers…`);
    await buildNationalCatalog(db, { offers: Number(flags.offers), seed: Number(flags.seed) });
    const postcodes = (await readPostcodeTable(db))
      .filter((p) => p.kommune === KOMMUNE)
      .map((p) => p.postnummer);
    const rng = mulberry32(Number(flags.seed));
    const citizens = Array.from(
      { length: Number(flags.runs) },
      (): { postcode: string; citizen: MatchCitizen } => ({
        postcode: pick(rng, postcodes),
        citizen: {
          priorities: pickSome(rng, PRIORITY_DOMAINS, 1 + Math.floor(rng() * 3)),
          riskFactors: pickSome(
            rng,
            ['smoking', 'alcohol', 'inactivity', 'diet'] as const,
            Math.floor(rng() * 3),
          ),
          severeLoneliness: rng() < 0.3,
          socialNeeds: rng() < 0.3 ? ['money'] : [],
          support: pick(rng, SUPPORT_LEVELS),
          language: pick(rng, ['da', 'da', 'ar', 'tr', 'so', 'uk']),
          interpreterNeeded: rng() < 0.3,
          arena: pick(rng, ['job_centre', 'housing_area', 'drop_in_centre'] as const),
          age: 18 + Math.floor(rng() * 60),
          bringsChildren: rng() < 0.2,
          availability: { days: rng() < 0.5 ? [2, 4] : [], times: rng() < 0.5 ? ['morgen'] : [] },
        },
      }),
    );
    const bare: number[] = [];
    const page: number[] = [];
    const ranking: number[] = [];
    const sizes: number[] = [];
    await inTenant(db, KOMMUNE, async (tx) => {
      // Warm-up: plans and caches.
      for (const c of citizens.slice(0, 20))
        await candidateOffers(tx, KOMMUNE, c.postcode, 25, fittingTopics(c.citizen));
      for (const c of citizens) {
        let t = performance.now();
        await tx.query(CANDIDATES_SQL, [KOMMUNE, c.postcode, 25_000, fittingTopics(c.citizen)]);
        bare.push(performance.now() - t);
        t = performance.now();
        const a = c.citizen.availability;
        const offers = await candidateOffers(
          tx,
          KOMMUNE,
          c.postcode,
          25,
          fittingTopics(c.citizen),
          a.days.length + a.times.length > 0,
        );
        const t1 = performance.now();
        matchOffers(c.citizen, offers);
        const t2 = performance.now();
        page.push(t2 - t);
        ranking.push(t2 - t1);
        sizes.push(offers.length);
      }
    });
    const b = summarize(bare);
    const p = summarize(page);
    return {
      engine,
      offers: Number(flags.offers),
      candidates: {
        mean: Math.round(sizes.reduce((s, x) => s + x, 0) / sizes.length),
        max: Math.max(...sizes),
      },
      bareSql: b,
      page: p,
      rankingOnly: summarize(ranking),
      ratioP50: r2(p.p50 / b.p50),
      ratioP95: r2(p.p95 / b.p95),
    };
  } finally {
    await cleanup();
  }
}

const engines =
  flags.engine === 'both'
    ? (['pglite', 'postgres'] as const)
    : ([flags.engine as 'pglite' | 'postgres'] as const);
const results: EngineResult[] = [];
for (const e of engines) {
  const r = await run(e);
  if (r) results.push(r);
}
const ms = (s: LatencySummary) => `${r2(s.p50)} / ${r2(s.p95)} ms`;
console.log(
  '| engine | candidates (mean / max) | bare candidate SQL p50 / p95 | offers page work p50 / p95 | ranking alone p50 / p95 | ratio p50 / p95 |',
);
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${r.candidates.mean} / ${r.candidates.max} | ${ms(r.bareSql)} | ${ms(r.page)} | ${ms(r.rankingOnly)} | ${r.ratioP50}× / ${r.ratioP95}× |`,
  );
}
const dir = fileURLToPath(new URL('./results/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, `matching-${new Date().toISOString().slice(0, 10)}.json`),
  `${JSON.stringify({ flags, node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`,
);
