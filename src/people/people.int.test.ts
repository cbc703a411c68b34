/**
 * The citizen record on both engines: duplicate check, row-level security by relationship,
 * rotation of CPR keys, insight export and erasure (audited), and the audit chain catching an
 * edited and a deleted row.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedFixture, type Fixture } from '../../test/support/app.ts';
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import { verifyAuditChain } from '../audit/chain.service.ts';
import { auditVerify } from '../audit/audit.cli.ts';
import {
  citizenCard,
  citizenDetail,
  eraseCitizen,
  exportCitizen,
  findOrCreateCitizen,
  grantCitizenAccess,
  inPeopleScope,
  searchCitizens,
  type PeopleScope,
} from './citizen.service.ts';
import { parseKeyring } from './cpr-crypto.ts';
import { useCprKeyring } from './keyring.ts';
import { rotateCprKeys } from './keys.service.ts';
import type { CitizenDataSource } from './insight.ts';

const K = '0265';
const actor = (role: string, actorId: string | null = null): AuditActor => ({
  kommune: K,
  actorId,
  actorRole: role,
  requestId: 'test',
});
const scope = (
  role: string,
  org: string | null = null,
  team: string | null = null,
): PeopleScope => ({
  kommune: K,
  role,
  organization_id: org,
  team_id: team,
});
const admin = scope('admin');
const b64 = () => randomBytes(32).toString('base64');
const K1 = b64();
const IDX = b64();

async function auditRows(db: Db, id: string) {
  return inTenant(db, K, (tx) =>
    tx.query<{ action: string; summary: string; actor_role: string }>(
      `select action, summary, actor_role from audit_log where entity = 'citizen' and entity_id = $1 order by seq`,
      [id],
    ),
  );
}

/** A CPR number no other test uses: ddmmyy from a counter, a random serial. */
let n = 0;
function freshCpr(): string {
  n++;
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, '0');
  return `${day}${month}8${n % 10}-${String(1000 + (randomBytes(2).readUInt16BE() % 9000))}`;
}

eachEngine('people', (ctx) => {
  let fx: Fixture;
  const create = (input: Parameters<typeof findOrCreateCitizen>[2], as = actor('admin')) =>
    inPeopleScope(ctx.db, admin, (tx) => findOrCreateCitizen(tx, as, input));

  beforeAll(async () => {
    fx = await seedFixture(ctx.db);
    useCprKeyring(parseKeyring({ keys: `k1:${K1}`, indexKey: b64() }));
  });

  describe('findOrCreateCitizen', () => {
    it('finds the same person by CPR number, whatever the name says', async () => {
      const cpr = freshCpr();
      const a = await create({
        name: 'Amina Hassan',
        cpr,
        interpreterNeeded: true,
        preferredLanguage: 'ar',
      });
      const b = await create({ name: 'Amina  H.', cpr: cpr.replace('-', '') });
      expect(a.created).toBe(true);
      expect(b).toEqual({ id: a.id, created: false });
      const rows = await auditRows(ctx.db, a.id);
      expect(rows.map((r) => r.summary)).toEqual([
        'citizen record created',
        'matched an existing citizen record',
      ]);
      expect(JSON.stringify(rows)).not.toContain(cpr.slice(7));
    });

    it('finds a record without CPR by name and birth date, and gives it the CPR number', async () => {
      const a = await create({ name: 'Jens Hansen', birthDate: '1961-07-07' });
      const b = await create({ name: ' jens   hansen ', birthDate: '1961-07-07' });
      expect(b).toEqual({ id: a.id, created: false });
      const c = await create({ name: 'Jens Hansen', cpr: '070761-4285' });
      expect(c).toEqual({ id: a.id, created: false });
      const card = await inPeopleScope(ctx.db, admin, (tx) =>
        citizenCard(tx, actor('admin'), a.id),
      );
      expect(card?.cprMasked).toBe('070761-xxxx');
      // Another person with the same name and birth date but another CPR number is another record.
      const d = await create({ name: 'Jens Hansen', cpr: '070761-4286' });
      expect(d.created).toBe(true);
      expect(d.id).not.toBe(a.id);
    });

    it('does not merge on a name alone, and refuses a birth date that contradicts the CPR number', async () => {
      const a = await create({ name: 'Ole Olsen' });
      const b = await create({ name: 'Ole Olsen' });
      expect(b.created).toBe(true);
      expect(b.id).not.toBe(a.id);
      await expect(
        create({ name: 'Ole Olsen', cpr: '010190-1234', birthDate: '1990-01-02' }),
      ).rejects.toMatchObject({
        problems: [{ path: 'birthDate', message: 'people.error.cprBirthDate' }],
      });
      await expect(create({ name: 'Ole Olsen', cpr: '320190-1234' })).rejects.toMatchObject({
        code: 'LIGHED_ERR_VALIDATION',
        problems: [{ path: 'cpr', message: 'people.error.cpr.date' }],
      });
    });

    it('creates one record when the same person arrives twice at once', async () => {
      const cpr = freshCpr();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          create({ name: i % 2 ? 'Sara Nielsen' : 'Sara K. Nielsen', cpr }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });

    it('records a consent with who recorded it', async () => {
      const { id } = await create({
        name: 'Lise Lund',
        birthDate: '1970-03-03',
        consent: { purpose: 'referral', version: '2025-01' },
      });
      const detail = await citizenDetail(ctx.db, admin, actor('admin'), id);
      expect(detail.consents).toMatchObject([
        { purpose: 'referral', version: '2025-01', withdrawnAt: null },
      ]);
    });
  });

  describe('row-level security by relationship', () => {
    it('lets a referrer create a citizen it cannot read until access is granted', async () => {
      const cpr = freshCpr();
      const referrer = scope('referrer', fx.otherOrgId);
      const id = await inPeopleScope(ctx.db, referrer, async (tx) => {
        const made = await findOrCreateCitizen(tx, actor('referrer'), { name: 'Karen Berg', cpr });
        expect(await citizenCard(tx, actor('referrer'), made.id)).toBeUndefined();
        // The same referrer sends the same person again: found, though it cannot read the record.
        expect(
          await findOrCreateCitizen(tx, actor('referrer'), { name: 'Karen Berg', cpr }),
        ).toEqual({
          id: made.id,
          created: false,
        });
        await grantCitizenAccess(
          tx,
          {
            citizenId: made.id,
            kommune: K,
            organizationId: fx.otherOrgId,
            via: 'referral',
            viaId: randomUUID(),
          },
          actor('referrer'),
        );
        expect((await citizenCard(tx, actor('referrer'), made.id))?.name).toBe('Karen Berg');
        return made.id;
      });

      // A provider of another organisation sees nothing, reads nothing, changes nothing.
      const provider = scope('provider', fx.orgId);
      await inPeopleScope(ctx.db, provider, async (tx) => {
        expect(await citizenCard(tx, actor('provider'), id)).toBeUndefined();
        const upd = await tx
          .query(`update citizen set name = 'x' where id = $1 returning id`, [id])
          .catch(() => []);
        expect(upd).toHaveLength(0);
        expect(
          await tx.query(`select id from citizen_consent where citizen_id = $1`, [id]),
        ).toHaveLength(0);
      });
      // A frontline worker of a team without a link: nothing either.
      const teams = await inTenant(ctx.db, K, (tx) =>
        tx.query<{ id: string }>(`select id from team order by name`),
      );
      await inPeopleScope(ctx.db, scope('frontline', null, teams[0]!.id), async (tx) => {
        expect(await citizenCard(tx, actor('frontline'), id)).toBeUndefined();
      });
      // Linked through a conversation of the team: that team sees the citizen.
      await inPeopleScope(ctx.db, admin, (tx) =>
        grantCitizenAccess(tx, {
          citizenId: id,
          kommune: K,
          teamId: teams[0]!.id,
          via: 'conversation',
          viaId: randomUUID(),
        }),
      );
      await inPeopleScope(ctx.db, scope('frontline', null, teams[0]!.id), async (tx) => {
        expect((await citizenCard(tx, actor('frontline'), id))?.cprMasked).toBe(
          `${cpr.slice(0, 6)}-xxxx`,
        );
      });
      await inPeopleScope(ctx.db, scope('frontline', null, teams[1]!.id), async (tx) => {
        expect(await citizenCard(tx, actor('frontline'), id)).toBeUndefined();
      });
      // The admin and a coordinator see everyone in the municipality; another municipality no one.
      for (const role of ['admin', 'coordinator'])
        await inPeopleScope(ctx.db, scope(role), async (tx) => {
          expect((await citizenCard(tx, actor(role), id))?.name).toBe('Karen Berg');
        });
      await inPeopleScope(ctx.db, { ...admin, kommune: '0350' }, async (tx) => {
        expect(await tx.query(`select id from citizen where id = $1`, [id])).toHaveLength(0);
      });
      const rows = await auditRows(ctx.db, id);
      expect(rows.filter((r) => r.summary.startsWith('access granted via '))).toHaveLength(2);
    });
  });

  describe('the admin side', () => {
    it('searches by CPR number and by name + birth date, auditing each hit', async () => {
      const cpr = freshCpr();
      const { id } = await create({ name: 'Mette Frost', cpr });
      const byCpr = await searchCitizens(ctx.db, admin, actor('admin'), { cpr });
      expect(byCpr.map((c) => c.id)).toEqual([id]);
      const r = await searchCitizens(ctx.db, admin, actor('admin'), {
        name: 'mette frost',
        birthDate: byCpr[0]!.birthDate!,
      });
      expect(r.map((c) => c.id)).toEqual([id]);
      expect(
        (await auditRows(ctx.db, id)).filter((a) => a.summary === 'found by search'),
      ).toHaveLength(2);
      await expect(
        searchCitizens(ctx.db, admin, actor('admin'), { cpr: '12' }),
      ).rejects.toMatchObject({
        problems: [{ path: 'cpr', message: 'people.error.cpr.format' }],
      });
    });

    it('shows the CPR number only on the explicit "vis", audited', async () => {
      const cpr = freshCpr();
      const { id } = await create({ name: 'Vis Mig', cpr });
      const plain = await citizenDetail(ctx.db, admin, actor('admin'), id);
      expect(plain.cpr).toBeUndefined();
      expect(plain.card.cprMasked).toBe(`${cpr.slice(0, 6)}-xxxx`);
      const shown = await citizenDetail(ctx.db, admin, actor('admin'), id, true);
      expect(shown.cpr).toBe(cpr);
      expect((await auditRows(ctx.db, id)).map((a) => a.summary)).toContain('CPR number shown');
    });

    it('exports everything held, with the sections other domains register, audited', async () => {
      const cpr = freshCpr();
      const { id } = await create({
        name: 'Indsigt Person',
        cpr,
        phone: '12345678',
        consent: { purpose: 'referral', version: '1' },
      });
      await inPeopleScope(ctx.db, admin, (tx) =>
        grantCitizenAccess(tx, {
          citizenId: id,
          kommune: K,
          organizationId: fx.orgId,
          via: 'signup',
          viaId: randomUUID(),
        }),
      );
      const source: CitizenDataSource = {
        key: 'referrals',
        collect: async (_tx: Queryable, citizenId: string) => [{ citizenId, status: 'completed' }],
      };
      const data = await exportCitizen(ctx.db, admin, actor('admin'), id, [source], 'json');
      expect(data.citizen).toMatchObject({ id, cpr, phone: '12345678', name: 'Indsigt Person' });
      expect(data.consents).toHaveLength(1);
      expect(data.access).toMatchObject([
        { via: 'signup', organizationName: 'Sundhedscenter Roskilde' },
      ]);
      expect(data.sections).toEqual({ referrals: [{ citizenId: id, status: 'completed' }] });
      expect(data.accessLog.map((a) => a.summary)).toContain('citizen record created');
      const rows = await auditRows(ctx.db, id);
      expect(rows.at(-1)).toMatchObject({ action: 'export', summary: 'insight export (json)' });
    });

    it('erases only where retention allows, audited, and the record is gone', async () => {
      const { id } = await create({
        name: 'Slet Mig',
        birthDate: '1980-05-05',
        consent: { purpose: 'x', version: '1' },
      });
      let held = true;
      const erased: string[] = [];
      const source: CitizenDataSource = {
        key: 'referrals',
        collect: async () => [],
        holds: async () => (held ? ['an open referral'] : []),
        erase: async (_tx, _a, citizenId) => {
          erased.push(citizenId);
        },
      };
      expect(await eraseCitizen(ctx.db, admin, actor('admin'), id, [source])).toMatchObject({
        erased: false,
        holds: ['an open referral'],
      });
      expect(erased).toEqual([]);
      // A provider may not erase, whatever it is linked to.
      await expect(
        eraseCitizen(ctx.db, scope('provider', fx.orgId), actor('provider'), id, []),
      ).rejects.toMatchObject({
        code: 'LIGHED_ERR_NOT_FOUND',
      });
      held = false;
      expect(await eraseCitizen(ctx.db, admin, actor('admin'), id, [source])).toEqual({
        erased: true,
      });
      expect(erased).toEqual([id]);
      await expect(citizenDetail(ctx.db, admin, actor('admin'), id)).rejects.toMatchObject({
        code: 'LIGHED_ERR_NOT_FOUND',
      });
      expect(
        await inPeopleScope(ctx.db, admin, (tx) =>
          tx.query(`select 1 from citizen_consent where citizen_id = $1`, [id]),
        ),
      ).toHaveLength(0);
      expect((await auditRows(ctx.db, id)).at(-1)).toMatchObject({
        action: 'delete',
        summary: 'erased on request',
      });
    });
  });

  describe('lighed keys rotate', () => {
    it('moves every CPR number to the active key; search still finds them', async () => {
      // Earlier records are under k1 with another index key; this one under "old".
      const OLD = b64();
      const idx = IDX;
      useCprKeyring(
        parseKeyring({ keys: `k1:${K1},old:${OLD}`, activeKeyId: 'old', indexKey: idx }),
      );
      const cpr = freshCpr();
      const { id } = await create({ name: 'Rotér Mig', cpr });
      // A new active key, and (as after a new LIGHED_CPR_INDEX_KEY) every index recomputed.
      const second = parseKeyring({
        keys: `k1:${K1},old:${OLD},new:${b64()}`,
        activeKeyId: 'new',
        indexKey: idx,
      });
      useCprKeyring(second);
      const results = await rotateCprKeys(ctx.db, second, { kommune: K, batch: 2 });
      expect(results[0]!.rotated).toBeGreaterThanOrEqual(1);
      const keyIds = await inPeopleScope(ctx.db, admin, (tx) =>
        tx.query<{ cpr_key_id: string }>(
          `select distinct cpr_key_id from citizen where cpr_key_id is not null`,
        ),
      );
      expect(keyIds.map((r) => r.cpr_key_id)).toEqual(['new']);
      // Without the old key now.
      useCprKeyring(
        parseKeyring({ keys: `new:${second.keys.get('new')!.toString('base64')}`, indexKey: idx }),
      );
      expect((await citizenDetail(ctx.db, admin, actor('admin'), id, true)).cpr).toBe(cpr);
      expect(
        (await searchCitizens(ctx.db, admin, actor('admin'), { cpr })).map((c) => c.id),
      ).toEqual([id]);
      expect((await auditRows(ctx.db, id)).map((a) => a.summary)).toContain(
        'CPR number re-encrypted with key new',
      );
      expect((await rotateCprKeys(ctx.db, second, { kommune: K }))[0]!.rotated).toBe(0);
    });
  });

  describe('the audit chain', () => {
    it('holds after ordinary use, and names the first edited or deleted row', async () => {
      await create({ name: 'Kæde Test', birthDate: '1955-01-01' });
      const ok = await verifyAuditChain(ctx.db, { kommune: K, batch: 7 });
      expect(ok[0]).toMatchObject({ kommune: K, broken: null });
      expect(ok[0]!.rows).toBeGreaterThan(10);

      const rows = await inTenant(ctx.db, K, (tx) =>
        tx.query<{ id: string; seq: string }>(
          `select id::text, seq::text from audit_log where kommune = $1 order by audit_log.seq`,
          [K],
        ),
      );
      const edited = rows[5]!;
      // The owner can do anything; the chain makes it visible.
      await ctx.db.execAsOwner(`alter table audit_log disable trigger audit_log_append_only;
        update audit_log set summary = 'nothing to see' where id = ${edited.id};
        alter table audit_log enable trigger audit_log_append_only;`);
      expect((await verifyAuditChain(ctx.db, { kommune: K, batch: 4 }))[0]!.broken).toEqual({
        seq: Number(edited.seq),
        id: edited.id,
        problem: 'changed',
      });
      // The same tampering with a recomputed hash is caught at the next row's link.
      await ctx.db.execAsOwner(`alter table audit_log disable trigger audit_log_append_only;
        update audit_log set hash = audit_log_row_hash(prev_hash, kommune, seq, at, actor_id, actor_role,
          action, entity, entity_id, summary, request_id) where id = ${edited.id};
        alter table audit_log enable trigger audit_log_append_only;`);
      expect((await verifyAuditChain(ctx.db, { kommune: K }))[0]!.broken).toMatchObject({
        seq: Number(edited.seq) + 1,
        problem: 'relinked',
      });
    });

    it('names a deleted row and a cut-off end', async () => {
      // A municipality of its own, so the previous test's edit does not come first.
      await ctx.db.asOwner((tx) =>
        tx.query(
          `insert into tenant (kommune, name) values ('0101', 'København') on conflict do nothing`,
        ),
      );
      const a: AuditActor = { kommune: '0101', actorId: null, actorRole: 'system', requestId: 't' };
      for (let i = 0; i < 6; i++)
        await inPeopleScope(ctx.db, { ...admin, kommune: '0101' }, (tx) =>
          findOrCreateCitizen(tx, a, { name: `Person ${i}`, birthDate: '1999-09-09' }),
        );
      expect((await verifyAuditChain(ctx.db, { kommune: '0101' }))[0]!.broken).toBeNull();
      await ctx.db.execAsOwner(`alter table audit_log disable trigger audit_log_append_only;
        delete from audit_log where kommune = '0101' and seq = 3;
        alter table audit_log enable trigger audit_log_append_only;`);
      expect((await verifyAuditChain(ctx.db, { kommune: '0101' }))[0]!.broken).toEqual({
        seq: 3,
        id: null,
        problem: 'missing',
      });
      const lines: string[] = [];
      expect(await auditVerify(ctx.db, { kommune: '0101' }, (l) => lines.push(l))).toBe(1);
      expect(lines).toEqual(['0101: BROKEN at seq 3: the row is missing (deleted)']);
      await ctx.db.execAsOwner(`alter table audit_log disable trigger audit_log_append_only;
        delete from audit_log where kommune = '0101' and seq >= 3;
        alter table audit_log enable trigger audit_log_append_only;`);
      expect((await verifyAuditChain(ctx.db, { kommune: '0101' }))[0]!.broken).toEqual({
        seq: 3,
        id: null,
        problem: 'truncated',
      });
    });
  });
});
