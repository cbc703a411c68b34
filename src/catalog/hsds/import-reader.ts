/**
 * The import's reader: collects HSDS objects, nested any way the standard allows (a service
 * with its organization, an organization with its services, service_at_locations on their own),
 * once each, and maps them to our records (import-records.ts, import-services.ts).
 */
import { isObject } from './fields.ts';
import { mapLocation, mapOrganization, type HsdsReadResult } from './import-records.ts';
import { mapService, type ServiceEntry } from './import-services.ts';
import { validateHsds, type HsdsSchemaName } from './hsds.schema.ts';
import { ReadLog, type Where } from './problems.ts';
import type {
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsServiceAtLocation,
} from './types.ts';

export type Kind = 'service' | 'organization' | 'service_at_location' | 'location';

export function detectKind(o: Record<string, unknown>): Kind | null {
  if ('location_type' in o) return 'location';
  if (isObject(o.service) || (isObject(o.location) && !('status' in o) && !('name' in o)))
    return 'service_at_location';
  if ('service_id' in o && 'location_id' in o && !('name' in o) && !('status' in o))
    return 'service_at_location';
  if (
    'status' in o ||
    'service_at_locations' in o ||
    isObject(o.organization) ||
    ('organization_id' in o && !('services' in o))
  ) {
    return 'service';
  }
  if ('services' in o || 'locations' in o || 'name' in o || 'description' in o)
    return 'organization';
  return null;
}

/** Collects HSDS objects (nested any way the standard allows) and maps them to our records. */
export class Reader extends ReadLog {
  private readonly orgs = new Map<string, { obj: HsdsOrganization; where: Where }>();
  private readonly locs = new Map<
    string,
    { obj: HsdsLocation; where: Where; fallback: string | null }
  >();
  private readonly services = new Map<string, ServiceEntry>();
  private readonly pendingSals: { obj: HsdsServiceAtLocation; where: Where }[] = [];

  /** Validates one top-level JSON object against its schema and collects it if valid. */
  addTop(value: unknown, path: string, kindHint?: Kind) {
    if (!isObject(value)) {
      this.problem(path, 'not an object');
      return;
    }
    const kind = kindHint ?? detectKind(value);
    if (!kind) {
      this.problem(path, 'not an HSDS service, organization, service_at_location or location');
      return;
    }
    const checks: [HsdsSchemaName, unknown, string][] = [[kind, value, path]];
    if (kind === 'organization' && Array.isArray(value.services)) {
      value.services.forEach((s, i) => checks.push(['service', s, `${path}.services[${i}]`]));
    }
    if (kind === 'service_at_location' && value.service !== undefined)
      checks.push(['service', value.service, `${path}.service`]);
    const found = checks.flatMap(([name, v, p]) => validateHsds(name, v, p));
    if (found.length) {
      this.problems.push(...found);
      return;
    }
    this.collect(kind, value, path);
  }

  /** Collects an object already known to be valid (JSON validated, or CSV rows validated). */
  collect(kind: Kind, value: object, path: string) {
    switch (kind) {
      case 'service':
        this.addService(value as HsdsService, path, null);
        break;
      case 'organization':
        this.addOrganization(value as HsdsOrganization, path);
        break;
      case 'location':
        this.addLocation(value as HsdsLocation, path, null);
        break;
      case 'service_at_location': {
        const sal = value as HsdsServiceAtLocation;
        if (sal.service) {
          const entry = this.addService(sal.service, `${path}.service`, null);
          if (entry) this.addSal(entry, sal, path);
        } else {
          this.pendingSals.push({ obj: sal, where: this.whereOf(sal, path) });
        }
        break;
      }
    }
  }

  private addOrganization(o: HsdsOrganization, path: string): string {
    const existing = this.orgs.get(o.id);
    if (existing) existing.obj = { ...o, ...existing.obj };
    else this.orgs.set(o.id, { obj: o, where: this.whereOf(o, path) });
    o.locations?.forEach((l, i) => this.addLocation(l, `${path}.locations[${i}]`, o.id));
    o.services?.forEach((s, i) => this.addService(s, `${path}.services[${i}]`, o.id));
    return o.id;
  }

  /** Returns the location id, or null for a virtual location (not a place). */
  private addLocation(l: HsdsLocation, path: string, fallback: string | null): string | null {
    if (l.location_type === 'virtual') return null;
    const existing = this.locs.get(l.id);
    if (existing) {
      existing.obj = { ...l, ...existing.obj };
      existing.fallback ??= fallback;
    } else {
      this.locs.set(l.id, { obj: l, where: this.whereOf(l, path), fallback });
    }
    return l.id;
  }

  private addService(
    s: HsdsService,
    path: string,
    parentOrg: string | null,
  ): ServiceEntry | undefined {
    const where = this.whereOf(s, path);
    const orgId = s.organization
      ? this.addOrganization(s.organization, `${path}.organization`)
      : (s.organization_id ?? parentOrg);
    if (!orgId)
      this.problem(where('organization_id'), 'required (a service needs its organization)');
    let entry = this.services.get(s.id);
    if (entry) {
      this.warn(where('id'), `service ${s.id} appears more than once; the first is used`);
      return entry;
    }
    entry = { obj: s, where, orgId, virtual: false, sals: [], schedules: [] };
    this.services.set(s.id, entry);
    s.service_at_locations?.forEach((x, i) =>
      this.addSal(entry, x, `${path}.service_at_locations[${i}]`),
    );
    s.schedules?.forEach((h, i) => {
      entry.schedules.push({
        obj: h,
        where: this.whereOf(h, `${path}.schedules[${i}]`),
        locationId: h.location_id ?? null,
        level: 'service',
      });
    });
    return entry;
  }

  private addSal(entry: ServiceEntry, x: HsdsServiceAtLocation, path: string) {
    const where = this.whereOf(x, path);
    if (x.location?.location_type === 'virtual') {
      entry.virtual = true;
      return;
    }
    const locationId = x.location
      ? this.addLocation(x.location, `${path}.location`, entry.orgId)
      : (x.location_id ?? null);
    if (!locationId) {
      this.problem(where('location_id'), 'required (a service_at_location needs its location)');
      return;
    }
    if (!x.location) {
      const known = this.locs.get(locationId);
      if (known) known.fallback ??= entry.orgId;
    }
    if (entry.sals.some((s) => s.locationId === locationId)) {
      this.warn(where(), `the service is at location ${locationId} twice; the first is used`);
    } else {
      entry.sals.push({ obj: x, where, locationId });
    }
    x.schedules?.forEach((h, i) => {
      entry.schedules.push({
        obj: h,
        where: this.whereOf(h, `${path}.schedules[${i}]`),
        locationId,
        level: 'sal',
      });
    });
  }

  finish(): HsdsReadResult {
    for (const { obj, where } of this.pendingSals) {
      const entry = obj.service_id ? this.services.get(obj.service_id) : undefined;
      if (!entry)
        this.problem(
          where('service_id'),
          'the service is not in the import (include it, or the service_at_location in the service)',
        );
      else this.addSal(entry, obj, where());
    }
    const organizations = [...this.orgs.values()].map(({ obj, where }) =>
      mapOrganization(this, obj, where),
    );
    const locations = [...this.locs.values()].map(({ obj, where, fallback }) =>
      mapLocation(this, obj, where, fallback),
    );
    const wheelchair = new Map(locations.map((l) => [l.id, l.wheelchair_accessible]));
    const offers = [...this.services.values()].map((e) => mapService(this, e, wheelchair));
    return {
      records: { organizations, locations, offers },
      problems: this.problems,
      warnings: this.warnings,
    };
  }
}
