/**
 * What every route plugin is registered with (src/app.ts builds it once). Domains take what
 * they need from here instead of importing the app, so the app imports routes and never the
 * other way round.
 */
import type { Config } from './config.ts';
import type { Db } from '../db/db.ts';
import type { Clock } from './clock.ts';
import type { Geocoder } from './geo/geocoder.ts';
import type { TenantResolver } from './tenant.ts';

export type RouteDeps = {
  db: Db;
  config: Config;
  geocoder: Geocoder;
  tenants: TenantResolver;
  clock: Clock;
};
