/**
 * Every audit row any domain writes renders on the audit page, in words: the test reads every
 * `audit(` and `logConversation(` call in src/ (and the default summary of signUp), takes the
 * record types and summaries written there (a template's `${…}` filled with a sample, or each
 * branch of a `? 'a' : 'b'`), and checks the page has words for each. A new summary or record
 * type fails here until it is given its message in all six languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../web/languages.ts';
import { translator } from '../web/i18n.ts';
import type { PageContext } from '../web/layout.tsx';
import type { AuditRow } from './audit.store.ts';
import { AUDIT_ACTIONS } from './audit.ts';
import { AuditPage } from './pages/audit-page.tsx';
import { AUDIT_ROLES, entityKey, wordSummary } from './summary.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The index just past the string or template literal that starts at `i`. */
function skipLiteral(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) {
    if (text[j] === '\\') j += 2;
    else if (quote === '`' && text.startsWith('${', j)) j = skipBraces(text, j + 1);
    else j++;
  }
  return j + 1;
}

/** From an opening `{` (or `(`) at `i`, the index just past its match. */
function skipBraces(text: string, i: number): number {
  const open = text[i]!;
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j]!;
    if (c === "'" || c === '"' || c === '`') {
      j = skipLiteral(text, j);
      continue;
    }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
    j++;
  }
  return j;
}

/** The literals in `span`, each with the text just before it. */
function literals(span: string): { before: string; raw: string }[] {
  const out: { before: string; raw: string }[] = [];
  let i = 0;
  while (i < span.length) {
    const c = span[i];
    if (c === "'" || c === '"' || c === '`') {
      const end = skipLiteral(span, i);
      out.push({ before: span.slice(Math.max(0, i - 12), i), raw: span.slice(i, end) });
      i = end;
    } else i++;
  }
  return out;
}

/** The texts a literal can produce: `${x}` becomes "1", `${a ? 'p' : 'q'}` each branch. */
function samples(raw: string): string[] {
  const body = raw.slice(1, -1);
  if (raw[0] !== '`') return [body];
  let results = [''];
  let i = 0;
  while (i < body.length) {
    if (body.startsWith('${', i)) {
      const end = skipBraces(body, i + 1);
      const expr = body.slice(i + 2, end - 1);
      const branches = [...expr.matchAll(/[?:]\s*(['"])((?:(?!\1).)*)\1/g)].map((m) => m[2]!);
      const options = branches.length > 0 ? branches : ['1'];
      results = results.flatMap((r) => options.map((o) => r + o));
      i = end;
    } else {
      results = results.map((r) => r + body[i]);
      i++;
    }
  }
  return results;
}

function writtenAudits(): { entities: Set<string>; summaries: Map<string, string> } {
  const entities = new Set<string>();
  const summaries = new Map<string, string>();
  const actions = new Set<string>(AUDIT_ACTIONS);
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    const spans: string[] = [];
    for (const m of text.matchAll(/\b(?:audit|logConversation)\(/g))
      spans.push(text.slice(m.index, skipBraces(text, m.index + m[0].length - 1)));
    for (const m of text.matchAll(/\bsummary\s*=\s*(`[^`]*`|'[^']*')/g)) spans.push(m[1]!);
    for (const span of spans)
      for (const { before, raw } of literals(span)) {
        if (/entity:\s*$/.test(before)) {
          entities.add(raw.slice(1, -1));
          continue;
        }
        // Who acted (the actor object written inline) or which record, not what was done.
        if (/(?:actorRole|requestId|kommune|entityId):\s*$/.test(before)) continue;
        for (const s of samples(raw)) if (s !== '' && !actions.has(s)) summaries.set(s, file);
      }
  }
  return { entities, summaries };
}

const { entities, summaries } = writtenAudits();

describe('the audit page words every audited action', () => {
  it('finds the audit calls (the scan itself works)', () => {
    expect(entities).toContain('monitor_dataset');
    expect(entities).toContain('conversation');
    expect([...summaries.keys()]).toContain('matched 1 offers');
    expect([...summaries.keys()]).toContain('saved step 1 (1), paused');
    expect(summaries.size).toBeGreaterThan(25);
  });

  it('has a label for every record type written', () => {
    expect([...entities].filter((e) => !entityKey(e))).toEqual([]);
  });

  it('has words for every summary written, in all six languages', () => {
    const unknown = [...summaries].filter(([s]) => !wordSummary(s)).map(([s, f]) => `${f}: ${s}`);
    expect(unknown).toEqual([]);
    for (const lang of UI_LANGUAGES) {
      const t = translator(lang);
      for (const s of summaries.keys()) {
        const w = wordSummary(s)!;
        expect(t(w.key, w.values), `${lang}: ${s}`).not.toBe('');
      }
    }
  });

  const ctx = (lang: (typeof UI_LANGUAGES)[number]): PageContext => ({
    lang,
    t: translator(lang),
    url: '/personale/audit',
    tenantName: 'Roskilde',
    demo: false,
    staff: { name: 'Admin', role: 'admin' },
    csrfToken: 'x',
  });
  const row = (over: Partial<AuditRow>): AuditRow => ({
    id: 1,
    at: new Date('2026-01-02T10:00:00Z'),
    actor_id: null,
    actor_name: 'Pia Planlægger',
    actor_role: 'planner',
    action: 'create',
    entity: 'monitor_dataset',
    entity_id: '00000000-0000-4000-8000-000000000000',
    summary: 'imported microdata (10 rows)',
    request_id: 'r',
    ...over,
  });

  it('renders every written summary, role and record type in Danish, no English left', () => {
    const rows = [
      ...[...summaries.keys()].map((summary, i) => row({ id: i, summary })),
      ...[...entities].map((entity, i) => row({ id: 1000 + i, entity })),
      ...AUDIT_ROLES.map((actor_role, i) => row({ id: 2000 + i, actor_role })),
    ];
    const html = render(<AuditPage ctx={ctx('da')} search={{}} rows={rows} />);
    expect(html).toContain('Sundhedsundersøgelse indlæst (10 besvarelser)');
    expect(html).toContain('1 tilbud foreslået');
    expect(html).toContain('Sundhedssamtale');
    for (const english of [
      'matched 1 offers',
      'saved 1 offers',
      'imported microdata',
      'conversation <',
    ])
      expect(html).not.toContain(english);
  });

  it('shows a value it has no words for as stored, instead of failing', () => {
    for (const lang of UI_LANGUAGES) {
      const html = render(
        <AuditPage
          ctx={ctx(lang)}
          search={{ entity: 'spaceship' }}
          rows={[
            row({
              actor_role: 'staff',
              action: 'teleport',
              entity: 'spaceship',
              summary: 'beamed up',
            }),
          ]}
        />,
      );
      expect(html).toContain('(staff)');
      expect(html).toContain('teleport');
      expect(html).toContain('spaceship');
      expect(html).toContain('beamed up');
    }
  });
});
