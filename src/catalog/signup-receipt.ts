/**
 * The sign-up receipt's rules: what the short-lived receipt cookie holds, and the links out to
 * directions. Pure functions; the page is pages/receipt-page.tsx, the routes receipt.routes.tsx.
 */
import type { Location } from './offer.ts';

/** Signed, httpOnly, one hour, path /tilbud: the receipt shows only to whoever signed up. */
export const RECEIPT_COOKIE = 'lighed_receipt';
export const RECEIPT_COOKIE_SECONDS = 3600;

export interface ReceiptCookie {
  offerId: string;
  receiptCode: string;
  /** The cancel link's token ('' for none); shown on the receipt, never stored in clear. */
  cancelToken: string;
  /** When the cancel link stops working. */
  cancelExpiresAt: Date | null;
}

const RECEIPT_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** A receipt code as `receiptCode()` makes them ("K7QM-3XPA"), else null. */
export function readReceiptCode(raw: unknown): string | null {
  const s = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return RECEIPT_CODE.test(s) ? s : null;
}

export const encodeReceiptCookie = (r: ReceiptCookie): string =>
  [r.offerId, r.receiptCode, r.cancelToken, r.cancelExpiresAt?.getTime() ?? ''].join(':');

/** The cookie's value (already verified as signed by us), or null when it is not ours. */
export function decodeReceiptCookie(value: string | null | undefined): ReceiptCookie | null {
  const [offerId, receiptCode, cancelToken = '', expires = ''] = (value ?? '').split(':');
  if (!offerId || !receiptCode || !readReceiptCode(receiptCode)) return null;
  const ms = Number(expires);
  return {
    offerId,
    receiptCode,
    cancelToken,
    cancelExpiresAt: expires && Number.isFinite(ms) ? new Date(ms) : null,
  };
}

export interface DirectionLink {
  service: 'rejseplanen' | 'openstreetmap';
  /** The host name shown beside the link: the citizen sees where it leads. */
  host: string;
  href: string;
}

type Place = Pick<Location, 'address_1' | 'postal_code' | 'city' | 'latitude' | 'longitude'>;

/** "Æblehaven 1, 4000 Roskilde": the form both services search for. */
export const addressLine = (l: Place) => `${l.address_1}, ${l.postal_code} ${l.city}`.trim();

/**
 * Links to find the way to a place, each opened only when the citizen follows it: Rejseplanen
 * (public transport; its long-standing deep link with the destination as an address) and a map
 * (OpenStreetMap, at the coordinates where the place has them, else a search for the address).
 * Only the place's public address or coordinates go into them, nothing about the citizen.
 */
export function directionLinks(l: Place): DirectionLink[] {
  const address = addressLine(l);
  const rejseplanen = new URL('https://www.rejseplanen.dk/bin/query.exe/mn');
  rejseplanen.searchParams.set('ZADR', '1');
  rejseplanen.searchParams.set('Z', address);
  let map: string;
  if (l.latitude !== null && l.longitude !== null) {
    const lat = l.latitude.toFixed(5);
    const lon = l.longitude.toFixed(5);
    map = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  } else {
    const search = new URL('https://www.openstreetmap.org/search');
    search.searchParams.set('query', address);
    map = search.toString();
  }
  return [
    { service: 'rejseplanen', host: 'rejseplanen.dk', href: rejseplanen.toString() },
    { service: 'openstreetmap', host: 'openstreetmap.org', href: map },
  ];
}
