/**
 * The demo's referrals (issue 10): a GP practice, a hospital department and a regional
 * midwife as referrers, a coordinator, a team holding afklarende samtaler, a health visitor
 * receiving the family pathway, and referrals in every status, made through the referrals
 * domain's own use cases so each has a true history. Once only (nothing when any referral
 * exists). Synthetic people only.
 */
import { inTenant, type Db } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import { insertOrganization } from '../catalog/index.ts';
import { createTeam, createUser, hashPassword } from '../staff/index.ts';
import {
  bookAfklarendeSamtale,
  createReferral,
  forwardToProvider,
  markContacted,
  recordSession,
  transitionReferral,
  type NewReferral,
  type ReferralActor,
} from '../referrals/index.ts';
import { scanOutreach } from '../outreach/index.ts';
import { DEMO_KOMMUNE, DEMO_PASSWORD } from './demo.data.ts';
import type { DemoAccount } from './demo.seed.ts';
import {
  hasAnyReferral,
  offerIdByTitle,
  organizationIdByName,
  saveReferralSettings,
  staffByEmail,
  teamIdByName,
} from './referrals-demo.store.ts';

export const DEMO_GP_PRACTICE = 'Lægehuset Algade';
const HOSPITAL = 'Sjællands Universitetshospital, Medicinsk afdeling';
const MIDWIFE = 'Jordemoderkonsultationen, Region Sjælland';
const AFKLARENDE_TEAM = 'Afklarende samtaler, Sundhedscenter Roskilde';
export const DEMO_OUTREACH_TEAM = 'Opsøgende team';

const ACCOUNTS: {
  email: string;
  name: string;
  role: StaffUser['role'];
  org?: string;
  team?: string;
}[] = [
  {
    email: 'laege@demo.lighed.dk',
    name: 'Læge Birgitte Holm',
    role: 'referrer',
    org: DEMO_GP_PRACTICE,
  },
  { email: 'sygehus@demo.lighed.dk', name: 'Overlæge Jens Krag', role: 'referrer', org: HOSPITAL },
  {
    email: 'jordemoder@demo.lighed.dk',
    name: 'Jordemoder Sofie Lund',
    role: 'referrer',
    org: MIDWIFE,
  },
  { email: 'koordinator@demo.lighed.dk', name: 'Koordinator Mette Dahl', role: 'coordinator' },
  {
    email: 'afklarende@demo.lighed.dk',
    name: 'Sundhedskonsulent Ali Demir',
    role: 'frontline',
    team: AFKLARENDE_TEAM,
  },
  {
    email: 'sundhedsplejerske@demo.lighed.dk',
    name: 'Sundhedsplejerske Hanne Friis',
    role: 'provider',
    org: 'Sundhedsplejen Roskilde',
  },
  {
    email: 'opsoeger@demo.lighed.dk',
    name: 'Opsøgende medarbejder Lone Berg',
    role: 'outreach',
    team: DEMO_OUTREACH_TEAM,
  },
];

export function referralDemoAccounts(): DemoAccount[] {
  return ACCOUNTS.map((a) => ({ role: a.role, email: a.email, password: DEMO_PASSWORD }));
}

const person = (name: string, birthDate: string, over: Partial<NewReferral['citizen']> = {}) => ({
  name,
  birthDate,
  phone: '20 00 00 00',
  preferredLanguage: 'da',
  interpreterNeeded: false,
  ...over,
});

/**
 * Seeds the referral demo in the demo municipality; returns the GP practice's organisation id
 * (the FHIR referrer client belongs to it), or null when the demo already had referrals.
 */
export async function seedReferralDemo(
  db: Db,
  kommune = DEMO_KOMMUNE,
): Promise<{ referrerOrganizationId: string } | null> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const setup = await inTenant(db, kommune, async (tx) => {
    if (await hasAnyReferral(tx)) return null;
    const orgs = new Map<string, string>();
    for (const [name, kind] of [
      [DEMO_GP_PRACTICE, 'private'],
      [HOSPITAL, 'regional'],
      [MIDWIFE, 'regional'],
    ] as const)
      orgs.set(
        name,
        (await organizationIdByName(tx, name)) ??
          (await insertOrganization(tx, kommune, {
            name,
            description: '',
            kind,
            status: 'active',
            email: null,
            phone: null,
            website: null,
          })),
      );
    const team =
      (await createTeam(tx, kommune, AFKLARENDE_TEAM, 'health_centre')) ??
      (await teamIdByName(tx, AFKLARENDE_TEAM))!;
    await saveReferralSettings(tx, kommune, team);
    const teams = new Map([
      [AFKLARENDE_TEAM, team],
      [
        DEMO_OUTREACH_TEAM,
        (await createTeam(tx, kommune, DEMO_OUTREACH_TEAM, 'own_home')) ??
          (await teamIdByName(tx, DEMO_OUTREACH_TEAM))!,
      ],
    ]);
    const users = new Map<string, StaffUser>();
    for (const a of ACCOUNTS) {
      const org = a.org
        ? (orgs.get(a.org) ?? (await organizationIdByName(tx, a.org)) ?? null)
        : null;
      users.set(
        a.email,
        await createUser(tx, {
          kommune,
          email: a.email,
          name: a.name,
          role: a.role,
          organization_id: org,
          team_id: a.team ? (teams.get(a.team) ?? null) : null,
          password_hash: hash,
        }),
      );
    }
    const offer = async (title: string) => (await offerIdByTitle(tx, title)) ?? null;
    const provider = (email: string) => staffByEmail(tx, email);
    return {
      gpOrg: orgs.get(DEMO_GP_PRACTICE)!,
      users,
      walk: await offer('Motionsvenner – gå sammen med en fast makker'),
      diabetes: await offer('Livet med type 2-diabetes'),
      pregnancy: await offer('Graviditetsbesøg fra sundhedsplejersken'),
      forening: await provider('provider.forening@demo.lighed.dk'),
      sundhed: await provider('provider.sundhed@demo.lighed.dk'),
    };
  });
  if (!setup) return null;
  const u = (email: string): ReferralActor => ({
    kind: 'staff',
    staff: setup.users.get(email)!,
    requestId: 'demo-seed',
  });
  const p = (s: StaffUser | undefined): ReferralActor | null =>
    s ? { kind: 'staff', staff: s, requestId: 'demo-seed' } : null;
  const gp = u('laege@demo.lighed.dk');
  const hospital = u('sygehus@demo.lighed.dk');
  const midwife = u('jordemoder@demo.lighed.dk');
  const coordinator = u('koordinator@demo.lighed.dk');
  const afklarende = u('afklarende@demo.lighed.dk');
  const forening = p(setup.forening);
  const sundhed = p(setup.sundhed);
  const now = new Date();
  const daysAgo = (d: number) => new Date(now.getTime() - d * 864e5);
  const base = (over: Partial<NewReferral> = {}): NewReferral => ({
    citizen: person('Demo Borger', '1970-01-01'),
    requestedService: 'afklarende_samtale',
    reason: { topics: ['physical_activity'], conditions: [], pregnant: false },
    needs: {},
    note: '',
    consentAt: now,
    ...over,
  });
  const note = (
    outcome: 'goal_met' | 'not_met',
    sessionsAttended: number,
    agreed: string,
    nextStep: string,
  ) => ({
    closingNote: { outcome, sessionsAttended, agreed, nextStep },
  });

  // draft
  await createReferral(
    db,
    gp,
    base({
      draft: true,
      citizen: person('Karen Sørensen', '1958-09-14'),
      reason: { topics: ['smoking'], conditions: ['copd'], pregnant: false },
    }),
  );
  // requested, in the intake queue: a citizen who needs an interpreter
  await createReferral(
    db,
    gp,
    base({
      citizen: person('Amal Haddad', '1971-03-04', {
        preferredLanguage: 'ar',
        interpreterNeeded: true,
      }),
      reason: {
        topics: ['physical_activity', 'diet'],
        conditions: ['type2_diabetes'],
        pregnant: false,
      },
      needs: { interpreter: true, interpreterLanguage: 'ar', handHeld: true },
      note: 'Ønsker hjælp til at komme i gang med at bevæge sig.',
    }),
  );
  // requested and overdue
  await createReferral(
    db,
    hospital,
    base({
      citizen: person('Erik Nielsen', '1949-05-30'),
      reason: {
        topics: ['chronic_illness', 'physical_activity'],
        conditions: ['cardiovascular'],
        pregnant: false,
      },
      needs: { transport: true, mobility: true },
    }),
    { now: daysAgo(7) },
  );
  // requested at the provider: the family pathway, forwarded to the health visitor
  const fam = await createReferral(
    db,
    midwife,
    base({
      citizen: person('Maria Petrova', '1998-02-11', {
        preferredLanguage: 'uk',
        interpreterNeeded: true,
        sex: 'female',
      }),
      requestedService: setup.pregnancy ? 'offer' : 'afklarende_samtale',
      offerId: setup.pregnancy ?? undefined,
      reason: { topics: ['family', 'smoking'], conditions: [], pregnant: true },
      needs: { interpreter: true, interpreterLanguage: 'uk' },
      note: 'Gravid i uge 14, ryger i hjemmet, lille netværk.',
    }),
  );
  if (setup.pregnancy)
    await forwardToProvider(db, coordinator, fam.id, {
      expectedVersion: 1,
      offerId: setup.pregnancy,
    });
  // accepted: an afklarende samtale booked
  const afk = await createReferral(
    db,
    gp,
    base({
      citizen: person('Lars Mikkelsen', '1966-12-01'),
      reason: { topics: ['overweight', 'diet'], conditions: ['type2_diabetes'], pregnant: false },
    }),
  );
  await bookAfklarendeSamtale(db, coordinator, afk.id, { expectedVersion: 1 });
  // rejected by the visitation
  const rej = await createReferral(
    db,
    hospital,
    base({
      citizen: person('Poul Jensen', '1940-07-22'),
      reason: { topics: ['alcohol'], conditions: [], pregnant: false },
    }),
  );
  await transitionReferral(db, coordinator, rej.id, {
    to: 'rejected',
    expectedVersion: 1,
    reasonCode: 'not_eligible',
    reasonText: '',
  });
  // cancelled by the GP
  const can = await createReferral(
    db,
    gp,
    base({
      citizen: person('Hanne Olsen', '1975-04-17'),
      reason: {
        topics: ['sleep', 'mental_wellbeing'],
        conditions: ['anxiety_depression'],
        pregnant: false,
      },
    }),
  );
  await transitionReferral(db, gp, can.id, {
    to: 'cancelled',
    expectedVersion: 1,
    reasonCode: 'got_help_elsewhere',
  });
  // entered in error
  const err = await createReferral(db, gp, base({ citizen: person('Jonas Berg', '1990-10-10') }));
  await transitionReferral(db, gp, err.id, { to: 'entered-in-error', expectedVersion: 1 });

  if (forening && setup.walk) {
    // completed: GP → afklarende samtale → walking group → two sessions → closing note
    const done = await createReferral(
      db,
      gp,
      base({
        citizen: person('Fatima Ali', '1968-08-08', {
          preferredLanguage: 'ar',
          interpreterNeeded: true,
        }),
        reason: {
          topics: ['physical_activity', 'loneliness'],
          conditions: ['type2_diabetes'],
          pregnant: false,
        },
        needs: { interpreter: true, interpreterLanguage: 'ar' },
      }),
      { now: daysAgo(40) },
    );
    let v = await bookAfklarendeSamtale(db, coordinator, done.id, { expectedVersion: 1 });
    v = await transitionReferral(db, afklarende, done.id, {
      to: 'in-progress',
      expectedVersion: v.version,
    });
    v = await transitionReferral(db, afklarende, done.id, {
      to: 'requested',
      expectedVersion: v.version,
      detail: { offerId: setup.walk },
    });
    v = await transitionReferral(db, forening, done.id, {
      to: 'accepted',
      expectedVersion: v.version,
    });
    v = await markContacted(db, forening, done.id, { expectedVersion: v.version });
    const start = daysAgo(21).toISOString().slice(0, 10);
    v = await transitionReferral(db, forening, done.id, {
      to: 'in-progress',
      expectedVersion: v.version,
      detail: { enrolledOn: start },
    });
    v = await recordSession(db, forening, done.id, {
      expectedVersion: v.version,
      heldOn: start,
      attendance: 'attended',
    });
    v = await recordSession(db, forening, done.id, {
      expectedVersion: v.version,
      heldOn: daysAgo(14).toISOString().slice(0, 10),
      attendance: 'attended',
    });
    await transitionReferral(db, forening, done.id, {
      to: 'completed',
      expectedVersion: v.version,
      ...{
        detail: note(
          'goal_met',
          2,
          'Går nu fast med sin makker om tirsdagen.',
          'Ingen henvisning nødvendig; fortsætter selv.',
        ),
      },
    });
    // in progress: enrolled, one session, one missed
    const ip = await createReferral(
      db,
      hospital,
      base({
        citizen: person('Bent Hansen', '1952-03-03'),
        requestedService: 'offer',
        offerId: setup.walk,
      }),
    );
    let w = await forwardToProvider(db, coordinator, ip.id, {
      expectedVersion: 1,
      offerId: setup.walk,
    });
    w = await transitionReferral(db, forening, ip.id, {
      to: 'accepted',
      expectedVersion: w.version,
    });
    w = await transitionReferral(db, forening, ip.id, {
      to: 'in-progress',
      expectedVersion: w.version,
      detail: { enrolledOn: daysAgo(10).toISOString().slice(0, 10) },
    });
    w = await recordSession(db, forening, ip.id, {
      expectedVersion: w.version,
      heldOn: daysAgo(10).toISOString().slice(0, 10),
      attendance: 'attended',
    });
    await recordSession(db, forening, ip.id, {
      expectedVersion: w.version,
      heldOn: daysAgo(3).toISOString().slice(0, 10),
      attendance: 'no_show',
    });
    // in progress with two no-shows in a row: the outreach scan below puts her in the queue
    const gone = await createReferral(
      db,
      gp,
      base({
        citizen: person('Birthe Lund', '1961-11-09', { sex: 'female' }),
        requestedService: 'offer',
        offerId: setup.walk,
        reason: { topics: ['physical_activity', 'loneliness'], conditions: [], pregnant: false },
      }),
      { now: daysAgo(30) },
    );
    let g = await forwardToProvider(
      db,
      coordinator,
      gone.id,
      { expectedVersion: 1, offerId: setup.walk },
      { now: daysAgo(30) },
    );
    g = await transitionReferral(
      db,
      forening,
      gone.id,
      { to: 'accepted', expectedVersion: g.version },
      { now: daysAgo(29) },
    );
    g = await markContacted(db, forening, gone.id, { expectedVersion: g.version });
    g = await transitionReferral(db, forening, gone.id, {
      to: 'in-progress',
      expectedVersion: g.version,
      detail: { enrolledOn: daysAgo(21).toISOString().slice(0, 10) },
    });
    for (const [ago, attendance] of [
      [21, 'attended'],
      [14, 'no_show'],
      [7, 'no_show'],
    ] as const)
      g = await recordSession(db, forening, gone.id, {
        expectedVersion: g.version,
        heldOn: daysAgo(ago).toISOString().slice(0, 10),
        attendance,
      });
  }
  if (sundhed && setup.diabetes) {
    // on hold, and failed with a closing note
    const hold = await createReferral(
      db,
      gp,
      base({
        citizen: person('Ahmet Yılmaz', '1963-06-06', {
          preferredLanguage: 'tr',
          interpreterNeeded: true,
        }),
        requestedService: 'offer',
        offerId: setup.diabetes,
        reason: {
          topics: ['chronic_illness', 'diet'],
          conditions: ['type2_diabetes'],
          pregnant: false,
        },
        needs: { interpreter: true, interpreterLanguage: 'tr' },
      }),
    );
    let h = await forwardToProvider(db, coordinator, hold.id, {
      expectedVersion: 1,
      offerId: setup.diabetes,
    });
    h = await transitionReferral(db, sundhed, hold.id, {
      to: 'accepted',
      expectedVersion: h.version,
    });
    h = await transitionReferral(db, sundhed, hold.id, {
      to: 'in-progress',
      expectedVersion: h.version,
      detail: { enrolledOn: daysAgo(20).toISOString().slice(0, 10) },
    });
    await transitionReferral(db, sundhed, hold.id, {
      to: 'on-hold',
      expectedVersion: h.version,
      reasonCode: 'other',
      reasonText: 'Indlagt; fortsætter efter udskrivelse.',
    });
    const fail = await createReferral(
      db,
      hospital,
      base({
        citizen: person('Tove Rasmussen', '1955-01-25'),
        requestedService: 'offer',
        offerId: setup.diabetes,
        reason: { topics: ['chronic_illness'], conditions: ['type2_diabetes'], pregnant: false },
      }),
    );
    let f = await forwardToProvider(db, coordinator, fail.id, {
      expectedVersion: 1,
      offerId: setup.diabetes,
    });
    f = await transitionReferral(db, sundhed, fail.id, {
      to: 'accepted',
      expectedVersion: f.version,
    });
    await transitionReferral(db, sundhed, fail.id, {
      to: 'failed',
      expectedVersion: f.version,
      reasonCode: 'could_not_contact',
      detail: note(
        'not_met',
        0,
        'Ingen kontakt trods tre opkald og et brev.',
        'Lægen kan henvise igen, hvis borgeren ønsker det.',
      ),
    });
  }
  // The first scan, so the outreach worker's queue is not empty on a fresh demo.
  await scanOutreach(db, { at: now, kommune });
  return { referrerOrganizationId: setup.gpOrg };
}
