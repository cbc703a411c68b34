/**
 * API clients and their tokens: created by the CLI (or the demo), listed and revoked by the
 * municipality's admin, exchanged for short-lived bearer tokens at POST /oauth/token, and
 * resolved back to a client on every FHIR request.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import type { Clock } from '../platform/clock.ts';
import { LighedError } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import {
  activeClientSecret,
  clientForToken,
  findApiClient,
  insertApiClient,
  insertToken,
  listApiClients,
  organizationInKommune,
  revokeApiClient,
  type ApiClientRow,
} from './api-client.store.ts';
import {
  API_CLIENT_ROLES,
  bearerToken,
  checkGrantType,
  hashSecret,
  newSecret,
  OAuthError,
  plausibleCredentials,
  readTokenRequest,
  secretMatches,
  TOKEN_SECONDS,
  tokenHash,
  tokenResponse,
  type ApiClientRole,
} from './credentials.ts';

/** The client a FHIR request acts as, once its bearer token is checked. */
export interface ApiPrincipal {
  clientId: string;
  kommune: string;
  name: string;
  role: ApiClientRole;
  organizationId: string | null;
}

export interface NewApiClient {
  kommune: string;
  name: string;
  role: string;
  organizationId?: string | null;
}

/** The credentials, shown once: only the secret's hash is kept. */
export interface IssuedClient {
  client_id: string;
  client_secret: string;
}

export async function createApiClient(
  db: Db,
  actor: AuditActor,
  input: NewApiClient,
): Promise<IssuedClient> {
  const problems = [];
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200)
    problems.push({ path: 'name', message: 'must be 2 to 200 characters' });
  if (!(API_CLIENT_ROLES as readonly string[]).includes(input.role))
    problems.push({ path: 'role', message: 'must be referrer or provider' });
  const organizationId = input.organizationId ?? null;
  if (organizationId !== null && !isUuid(organizationId))
    problems.push({ path: 'organization', message: 'must be an organisation id (uuid)' });
  if (input.role === 'provider' && organizationId === null)
    problems.push({ path: 'organization', message: 'a provider client needs --organization' });
  if (!/^[0-9]{4}$/.test(input.kommune))
    problems.push({ path: 'kommune', message: 'must be a 4-digit kommunekode' });
  if (problems.length)
    throw new LighedError('LIGHED_ERR_VALIDATION', 'The API client is not valid', problems);
  const secret = newSecret();
  const id = await inTenant(db, input.kommune, async (tx) => {
    if (organizationId && !(await organizationInKommune(tx, input.kommune, organizationId)))
      throw new LighedError('LIGHED_ERR_VALIDATION', 'The API client is not valid', [
        { path: 'organization', message: `no organisation ${organizationId} in ${input.kommune}` },
      ]);
    const clientId = await insertApiClient(tx, {
      kommune: input.kommune,
      name,
      role: input.role as ApiClientRole,
      organizationId,
      secretHash: hashSecret(secret),
      createdBy: actor.actorId,
    });
    await audit(tx, actor, { action: 'create', entity: 'api_client', entityId: clientId });
    return clientId;
  });
  return { client_id: id, client_secret: secret };
}

export async function listClients(db: Db, kommune: string): Promise<ApiClientRow[]> {
  return inTenant(db, kommune, (tx) => listApiClients(tx, kommune));
}

/** Revokes a client: its tokens stop working at once. Audited. */
export async function revokeClient(db: Db, actor: AuditActor, id: string): Promise<void> {
  if (!isUuid(id)) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'API client not found');
  await inTenant(db, actor.kommune, async (tx) => {
    const client = await findApiClient(tx, actor.kommune, id);
    if (!client) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'API client not found');
    if (await revokeApiClient(tx, actor.kommune, id, actor.actorId))
      await audit(tx, actor, { action: 'update', entity: 'api_client', entityId: id });
  });
}

/**
 * POST /oauth/token (RFC 6749 §4.4): authenticates the client of this municipality (the host's)
 * and issues a bearer token. Every failure is an OAuthError the route renders per §5.2.
 */
export async function issueToken(
  db: Db,
  kommune: string,
  clock: Clock,
  authorization: string | undefined,
  body: unknown,
) {
  const { credentials, grantType } = readTokenRequest(authorization, body);
  const basic = credentials.method === 'client_secret_basic';
  const refused = () => new OAuthError('invalid_client', 'Client authentication failed', basic);
  if (!plausibleCredentials(credentials)) throw refused();
  return inTenant(db, kommune, async (tx) => {
    const client = await activeClientSecret(tx, kommune, credentials.clientId);
    if (!client || !secretMatches(credentials.secret, client.secret_hash)) throw refused();
    checkGrantType(grantType);
    const token = newSecret();
    await insertToken(tx, {
      hash: tokenHash(token),
      clientId: credentials.clientId,
      kommune,
      expiresAt: new Date(clock.now().getTime() + TOKEN_SECONDS * 1000),
    });
    return tokenResponse(token);
  });
}

/** The client behind the request's bearer token, or undefined (no, unknown, expired, revoked). */
export async function authenticate(
  db: Db,
  kommune: string,
  clock: Clock,
  authorization: string | undefined,
): Promise<ApiPrincipal | undefined> {
  const token = bearerToken(authorization);
  if (!token) return undefined;
  const row = await inTenant(db, kommune, (tx) =>
    clientForToken(tx, kommune, tokenHash(token), clock.now()),
  );
  return row
    ? {
        clientId: row.id,
        kommune: row.kommune,
        name: row.name,
        role: row.role,
        organizationId: row.organization_id,
      }
    : undefined;
}
