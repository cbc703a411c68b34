/**
 * When a start creates the demo municipality (LIGHED_DEMO), and when it tells the operator how
 * to create the first administrator instead. The demo's accounts share a password that is
 * public (it is in the source), so a production start never creates them unless asked by name.
 *
 *   yes (or true)   create the demo if it is not there, also in production
 *   no (or false)   never
 *   auto (default)  when the database is empty, and never in production
 */
export type DemoSetting = 'auto' | 'yes' | 'no';

export interface StartPlan {
  /** Create the demo municipality (a no-op when it exists). */
  seedDemo: boolean;
  /** The database has no municipality and none is made: say how to create the first admin. */
  guideFirstAdmin: boolean;
}

export function startPlan(
  demo: DemoSetting,
  { production, empty }: { production: boolean; empty: boolean },
): StartPlan {
  const seedDemo = demo === 'yes' || (demo === 'auto' && empty && !production);
  return { seedDemo, guideFirstAdmin: empty && !seedDemo };
}

/** The operator's next step on a first start without a demo. No password: the link sets one. */
export function firstAdminGuidance(kommune: string, linkHours: number): string[] {
  return [
    'No municipality exists yet' +
      ' (the demo municipality is created only when LIGHED_DEMO=yes, or with "auto" outside production).',
    "Create the municipality's first administrator:",
    '',
    `  npx lighed admin create --kommune ${kommune} --kommune-name "<name>" --email <e-mail> --name "<full name>"`,
    '',
    `It prints a one-time sign-in link (valid ${linkHours} hours) where the administrator chooses a password.`,
  ];
}
