/**
 * The FHIR domain's surface: the demo's API clients and the afklarende samtale's fixed
 * HealthcareService id. Routes (fhir.routes.ts, api-clients.routes.tsx) and the CLI
 * (api-client.cli.ts) are wired by app.ts and cli.ts.
 */
import { inTenant, type Db } from '../db/db.ts';
import { organizationByName } from './api-client.store.ts';
import { createApiClient } from './oauth.service.ts';

export { AFKLARENDE_SAMTALE_ID, CPR_SYSTEM } from './vocabulary.ts';

export interface DemoApiClient {
  role: 'referrer' | 'provider';
  name: string;
  client_id: string;
  client_secret: string;
}

/**
 * One API client per role for the demo municipality; the caller prints the secrets once (only
 * their hashes are kept, so they cannot be shown again).
 */
export async function createDemoApiClients(
  db: Db,
  kommune: string,
  orgs: { referrerOrganizationId: string | null; providerOrganizationId?: string },
): Promise<DemoApiClient[]> {
  const provider =
    orgs.providerOrganizationId ??
    (
      await inTenant(db, kommune, (tx) =>
        organizationByName(tx, kommune, 'Sundhedscenter Roskilde'),
      )
    )?.id;
  if (!provider) return [];
  const actor = { kommune, actorId: null, actorRole: 'system', requestId: 'demo' };
  const clients: Omit<DemoApiClient, 'client_id' | 'client_secret'>[] = [
    { role: 'referrer', name: 'Demo: lægepraksis (EPJ)' },
    { role: 'provider', name: 'Demo: Sundhedscenter Roskilde (fagsystem)' },
  ];
  const out: DemoApiClient[] = [];
  for (const c of clients) {
    const issued = await createApiClient(db, actor, {
      kommune,
      name: c.name,
      role: c.role,
      organizationId: c.role === 'referrer' ? orgs.referrerOrganizationId : provider,
    });
    out.push({ ...c, ...issued });
  }
  return out;
}
