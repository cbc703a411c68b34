/** Builds the real app on a test database, plus fixtures, for in-process tests (app.inject). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { inTenant, type Db } from '../../src/db/db.ts';
import { ensurePostcodes } from '../../src/platform/geo/postcode.store.ts';
import { saveOffer, type OfferInput } from '../../src/catalog/offer.store.ts';
import { hashPassword, useScryptCostForTests } from '../../src/staff/password.ts';
import { createUser } from '../../src/staff/staff.store.ts';
import { type Role } from '../../src/platform/principal.ts';

export const TEST_PASSWORD = 'test-password-1';

// Suites sign in hundreds of times: a cheap scrypt cost here. Production's (2^17) is asserted
// in src/staff/password.test.ts.
useScryptCostForTests({ N: 2 ** 12, r: 8, p: 1 });

export async function testApp(db: Db): Promise<FastifyInstance> {
  const config = loadConfig({ LIGHED_KOMMUNE: '0265', LIGHED_LOG_LEVEL: 'silent' });
  return buildApp({ db, config, cookieSecret: 'x'.repeat(40), logger: false });
}

export interface Fixture {
  orgId: string;
  otherOrgId: string;
  locationId: string;
  farLocationId: string;
  walkId: string;
  draftId: string;
}

/** Roskilde with two organisations, a place in 4000, one in Lejre (0350), and offers. */
export async function seedFixture(db: Db): Promise<Fixture> {
  await ensurePostcodes(db);
  await db.asOwner((tx) =>
    tx.query(
      `insert into tenant (kommune, name) values ('0265', 'Roskilde'), ('0350', 'Lejre') on conflict do nothing`,
    ),
  );
  const ids = await inTenant(db, '0265', async (tx) => {
    const [org] = await tx.query<{ id: string }>(
      `insert into organization (kommune, name, kind) values ('0265', 'Sundhedscenter Roskilde', 'municipal') returning id`,
    );
    const [other] = await tx.query<{ id: string }>(
      `insert into organization (kommune, name, kind) values ('0265', 'Ældre Sagen Roskilde', 'civil_society') returning id`,
    );
    const [loc] = await tx.query<{ id: string }>(
      `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude, wheelchair_accessible)
       values ('0265', $1, 'Æblehavens beboerhus', 'Æblehaven 1', '4000', 'Roskilde', 55.6469, 12.0631, true) returning id`,
      [org!.id],
    );
    const [far] = await tx.query<{ id: string }>(
      `insert into location (kommune, organization_id, name, address_1, postal_code, city, latitude, longitude)
       values ('0265', $1, 'Viby Hallen', 'Skolevej 8', '4130', 'Viby Sjælland', 55.5479, 12.0277) returning id`,
      [other!.id],
    );
    const base = (over: Partial<OfferInput>): OfferInput => ({
      organization_id: org!.id,
      title: 'x',
      summary: 'Kort',
      description: '',
      how_to_join: '',
      arena: 'housing_area',
      offer_type: 'group',
      topics: [],
      life_phases: ['adults'],
      languages: ['da'],
      mode: 'in_person',
      interpreter_available: false,
      free: true,
      price_dkk: null,
      price_note: '',
      children_welcome: false,
      childcare: false,
      wheelchair_accessible: false,
      welcomes_newcomers: false,
      transport_help: false,
      min_age: null,
      max_age: null,
      recommendations: [],
      target_groups: ['ledige'],
      contact_name: '',
      contact_phone: '',
      contact_email: '',
      url: '',
      translations: {},
      location_ids: [loc!.id],
      schedules: [{ weekday: 2, starts_at: '10:00', ends_at: '11:30' }],
      ...over,
    });
    const walkId = await saveOffer(
      tx,
      '0265',
      base({
        title: 'Gåtur i Æblehaven',
        summary: 'Vi går en tur sammen og drikker kaffe bagefter.',
        description: 'En rolig gåtur på en time. Alle kan være med.',
        topics: ['physical_activity', 'community'],
        languages: ['da', 'ar'],
        interpreter_available: true,
        wheelchair_accessible: true,
        translations: {
          ar: { title: 'نزهة مشي في إيبلهافن', summary: 'نمشي معًا ونشرب القهوة بعد ذلك.' },
        },
      }),
      { status: 'published' },
    );
    await saveOffer(
      tx,
      '0265',
      base({
        title: 'Styrketræning i Viby',
        summary: 'Træning for ryg og ben.',
        organization_id: other!.id,
        topics: ['physical_activity'],
        free: false,
        price_dkk: 200,
        location_ids: [far!.id],
        schedules: [{ weekday: 4, starts_at: '18:00', ends_at: '19:00' }],
      }),
      { status: 'published' },
    );
    await saveOffer(
      tx,
      '0265',
      base({
        title: 'Rygestop online',
        summary: 'Stop med at ryge sammen med andre, hjemmefra.',
        topics: ['smoking'],
        mode: 'online',
        location_ids: [],
        schedules: [{ weekday: 1, starts_at: '19:00', ends_at: '20:00' }],
      }),
      { status: 'published' },
    );
    const draftId = await saveOffer(
      tx,
      '0265',
      base({ title: 'Hemmelig kladde', summary: 'Ikke klar.' }),
    );
    return {
      orgId: org!.id,
      otherOrgId: other!.id,
      locationId: loc!.id,
      farLocationId: far!.id,
      walkId,
      draftId,
    };
  });
  const hash = await hashPassword(TEST_PASSWORD);
  await inTenant(db, '0265', async (tx) => {
    const [jobcenter] = await tx.query<{ id: string }>(
      `insert into team (kommune, name, arena) values ('0265', 'Jobcenter Roskilde', 'job_centre') returning id`,
    );
    const [bolig] = await tx.query<{ id: string }>(
      `insert into team (kommune, name, arena) values ('0265', 'Boligsocialt team', 'housing_area') returning id`,
    );
    const frontline: [string, string | null][] = [
      ['frontline@test.dk', jobcenter!.id],
      ['frontline2@test.dk', bolig!.id],
      ['frontline-noteam@test.dk', null],
    ];
    for (const [email, team] of frontline) {
      await createUser(tx, {
        kommune: '0265',
        email,
        name: email.split('@')[0]!,
        role: 'frontline',
        organization_id: null,
        team_id: team,
        password_hash: hash,
      });
    }
    const users: [string, Role, string | null][] = [
      ['admin@test.dk', 'admin', null],
      ['planner@test.dk', 'planner', null],
      ['provider@test.dk', 'provider', ids.orgId],
      ['other-provider@test.dk', 'provider', ids.otherOrgId],
      ['referrer@test.dk', 'referrer', null],
    ];
    for (const [email, role, org] of users) {
      await createUser(tx, {
        kommune: '0265',
        email,
        name: email.split('@')[0]!,
        role,
        organization_id: org,
        password_hash: hash,
      });
    }
  });
  return ids;
}

/** A cookie jar over app.inject, so a test can walk through forms as a browser would. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } });
    this.remember(res);
    return res;
  }

  /** Posts a form, taking the CSRF token from the page at `formUrl` (or `url`). */
  async post(url: string, fields: Record<string, string | string[]>, formUrl = url) {
    const page = await this.get(formUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return this.postRaw(url, { _csrf: token, ...fields });
  }

  async postRaw(url: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    this.remember(res);
    return res;
  }

  /** Posts multipart form data (file uploads); the caller includes `_csrf`. */
  async postForm(url: string, form: FormData) {
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.header() },
      payload: form,
    });
    this.remember(res);
    return res;
  }

  async signIn(email: string, password = TEST_PASSWORD) {
    const res = await this.post('/personale/log-ind', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in failed for ${email}: ${res.statusCode}`);
    return res;
  }
}
