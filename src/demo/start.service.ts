/**
 * What a server start does about the demo municipality (rules in demo-setting.ts): create it
 * when asked, give an old demo database its teams once, and on an empty database without a
 * demo tell the operator how to create the first administrator.
 */
import type { Db } from '../db/db.ts';
import { SIGNIN_LINK_HOURS } from '../staff/index.ts';
import { firstAdminGuidance, startPlan, type DemoSetting } from './demo-setting.ts';
import { demoAccounts, ensureDemoTeams, seedDemo, type DemoAccount } from './demo.seed.ts';
import { hasAnyTenant } from './demo.store.ts';
import { referralDemoAccounts, seedReferralDemo } from './referrals.seed.ts';
import { createDemoApiClients, type DemoApiClient } from '../fhir/index.ts';
import { DEMO_KOMMUNE } from './demo.data.ts';

export interface StartOutcome {
  /** The plan asked for the demo (the caller adds the synthetic survey, also idempotent). */
  demoWanted: boolean;
  /** The demo was created by this start. */
  demoCreated: boolean;
  /** The demo's accounts and password, only when this start created them (print once). */
  accounts: DemoAccount[];
  /** The demo GP practice (referrals), when this start created it: the FHIR referrer client's. */
  referrerOrganizationId: string | null;
  /** The demo's FHIR API clients (one per role), only when this start created them (print once). */
  apiClients: DemoApiClient[];
}

export async function prepareStart(
  db: Db,
  opts: { demo: DemoSetting; production: boolean; defaultKommune: string },
  log: (line: string) => void,
): Promise<StartOutcome> {
  const empty = !(await hasAnyTenant(db));
  const plan = startPlan(opts.demo, { production: opts.production, empty });
  let demoCreated = false;
  let referrerOrganizationId: string | null = null;
  if (plan.seedDemo) {
    demoCreated = await seedDemo(db);
    if (demoCreated)
      referrerOrganizationId = (await seedReferralDemo(db))?.referrerOrganizationId ?? null;
    if (demoCreated) {
      log('Created the demo municipality (Roskilde, synthetic data).');
      if (opts.production)
        log(
          'WARNING: LIGHED_DEMO=yes in production: the demo accounts share a published password. ' +
            'Remove them or the demo before real use.',
        );
    }
  }
  await ensureDemoTeams(db);
  if (plan.guideFirstAdmin)
    for (const line of firstAdminGuidance(opts.defaultKommune, SIGNIN_LINK_HOURS)) log(line);
  return {
    demoWanted: plan.seedDemo,
    demoCreated,
    accounts: demoCreated ? [...demoAccounts(), ...referralDemoAccounts()] : [],
    referrerOrganizationId,
    apiClients: demoCreated
      ? await createDemoApiClients(db, DEMO_KOMMUNE, { referrerOrganizationId })
      : [],
  };
}
