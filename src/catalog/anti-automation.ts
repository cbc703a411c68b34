/**
 * How many sign-ups and error reports the public forms take (decision 0010): per address, so
 * one client cannot pour in personal data, and per offer, so many addresses cannot flood one
 * offer. A refused form waits 10 minutes; the counts are the kernel's, shared by every server.
 */
import { addressKey, type LimitPolicy } from '../platform/rate-limit.ts';
import type { LimitKey } from '../platform/rate-limit.store.ts';

export type PublicForm = 'signup' | 'report';

const tenMinutes = (max: number): LimitPolicy => ({
  max,
  windowSeconds: 600,
  lockSeconds: 600,
  maxLockSeconds: 600,
  forgetSeconds: 3600,
});

/** One household, library or job centre signs up a handful at a time; 10 in 10 minutes. */
export const SIGNUP_PER_ADDRESS = tenMinutes(10);
/** An offer rarely gets more than a few sign-ups an hour; 30 in 10 minutes is a flood. */
export const SIGNUP_PER_OFFER = tenMinutes(30);
export const REPORT_PER_ADDRESS = tenMinutes(5);
export const REPORT_PER_OFFER = tenMinutes(20);

export function formKeys(form: PublicForm, offerId: string, ip: string): LimitKey[] {
  const [perAddress, perOffer] =
    form === 'signup'
      ? [SIGNUP_PER_ADDRESS, SIGNUP_PER_OFFER]
      : [REPORT_PER_ADDRESS, REPORT_PER_OFFER];
  return [
    { key: `${form}:address:${addressKey(ip)}`, policy: perAddress },
    { key: `${form}:offer:${offerId}`, policy: perOffer },
  ];
}
