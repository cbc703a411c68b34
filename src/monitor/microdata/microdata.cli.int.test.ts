import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../../test/support/db.ts';
import { monitorDelete, monitorImport, monitorList, type CliOutput } from './microdata.cli.ts';

const ex = (name: string) =>
  fileURLToPath(new URL(`../../../examples/monitor/${name}`, import.meta.url));
const codebook = ex('codebook.json');

function capture() {
  const out: string[] = [];
  let err = '';
  const io: CliOutput = {
    out: (l) => out.push(l),
    err: { isTTY: false, write: (s) => void (err += s) },
  };
  return { io, out, err: () => err };
}

eachEngine('lighed monitor commands', (ctx) => {
  beforeAll(async () => {
    await ctx.db.execAsOwner(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde') on conflict do nothing`,
    );
  });

  it('imports, lists and deletes', async () => {
    const c = capture();
    expect(
      await monitorImport(ctx.db, ex('roskilde-2025.csv'), { codebook, kommune: '265' }, c.io),
    ).toBe(0);
    expect(c.out[0]).toMatch(/^Importeret \/ imported: 2\.000 rækker, datasæt [0-9a-f-]{36}$/);
    expect(c.err()).toContain('Læser  2.000 / 2.000 rækker  100 %');
    const id = c.out[0]!.slice(-36);
    const l = capture();
    await monitorList(ctx.db, '0265', l.io);
    expect(l.out.join('\n')).toContain(id);
    expect(await monitorDelete(ctx.db, '0265', id, capture().io)).toBe(0);
    expect(await monitorDelete(ctx.db, '0265', id, capture().io)).toBe(1);
  });

  it('exits 1 with the problem report for a bad file', async () => {
    const c = capture();
    expect(
      await monitorImport(
        ctx.db,
        ex('roskilde-2025-med-fejl.csv'),
        { codebook, kommune: '0265' },
        c.io,
      ),
    ).toBe(1);
    expect(c.err()).toContain('Filen roskilde-2025-med-fejl.csv har 5 fejl; intet er gemt.');
    expect(c.err()).toContain('Linje 101, kolonne «vaegt»: vægten «-1,2» er ikke et positivt tal.');
  });

  it('refuses an unknown kommune and a bad codebook', async () => {
    const c = capture();
    expect(
      await monitorImport(ctx.db, ex('roskilde-2025.csv'), { codebook, kommune: '0101' }, c.io),
    ).toBe(1);
    expect(
      await monitorImport(
        ctx.db,
        ex('roskilde-2025.csv'),
        { codebook: ex('roskilde-2025.csv'), kommune: '0265' },
        c.io,
      ),
    ).toBe(1);
    expect(c.err()).toContain('0101');
  });
});
