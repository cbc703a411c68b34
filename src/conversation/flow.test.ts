import { describe, expect, it } from 'vitest';
import { applyStep, fieldName, parseNumber, readStep, revealsMore, visibleItems } from './flow.ts';
import { alcoholUnits, smoking, priorities } from './instruments/index.ts';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('visibleItems: skip logic without JavaScript', () => {
  it('holds back an item until the answer it depends on is saved', () => {
    const v = visibleItems(smoking, {});
    expect(ids(v.items)).not.toContain('smoking-per-day');
    expect(v.more).toBe(true);
  });

  it('shows the item when the saved answer makes it apply, and skips it when not', () => {
    expect(ids(visibleItems(smoking, { 'smoking-status': { code: 'daily' } }).items)).toContain(
      'smoking-per-day',
    );
    const never = visibleItems(smoking, { 'smoking-status': { code: 'never' } });
    expect(ids(never.items)).not.toContain('smoking-per-day');
    expect(never.more).toBe(false);
  });

  it('a declined condition never reveals its follow-up', () => {
    expect(
      ids(visibleItems(smoking, { 'smoking-status': { declined: true } }).items),
    ).not.toContain('smoking-per-day');
  });

  it('reveals more only when a saved answer shows an item that was not on the form', () => {
    const shown = visibleItems(smoking, {}).items;
    expect(revealsMore(smoking, shown, { 'smoking-status': { code: 'daily' } })).toBe(true);
    expect(revealsMore(smoking, shown, { 'smoking-status': { code: 'never' } })).toBe(false);
    // Left empty: nothing is revealed, so the form moves on rather than asking again.
    expect(revealsMore(smoking, shown, {})).toBe(false);
  });
});

describe('readStep', () => {
  const items = alcoholUnits.items;
  const week = fieldName(items[0]!.id);

  it('reads Danish decimals and leaves empty fields unanswered', () => {
    const r = readStep(items, { [week]: ' 2,5 ' });
    expect(r.problems).toEqual([]);
    expect(r.answers).toEqual({ [items[0]!.id]: { value: 2.5 } });
  });

  it('"vil ikke svare" wins over anything typed beside it', () => {
    expect(readStep(items, { [week]: ['7', 'declined'] }).answers[items[0]!.id]).toEqual({
      declined: true,
    });
  });

  it('names the field of a number it cannot read or that is out of range, and keeps what was typed', () => {
    const r = readStep(items, { [week]: 'ti' });
    expect(r.problems).toEqual([{ path: week, message: 'conversation.error.number' }]);
    expect(r.raw[week]).toBe('ti');
    expect(readStep(items, { [week]: '-3' }).problems[0]?.message).toBe('conversation.error.range');
  });

  it('refuses option codes the item does not have', () => {
    const [status] = smoking.items;
    expect(
      readStep([status!], { [fieldName(status!.id)]: 'sometimes-maybe' }).problems[0]?.path,
    ).toBe(fieldName(status!.id));
  });

  it('reads several choices once each', () => {
    const [domains] = priorities.items;
    const r = readStep([domains!], { [fieldName(domains!.id)]: ['activity', 'diet', 'activity'] });
    expect(r.answers[domains!.id]).toEqual({ codes: ['activity', 'diet'] });
  });
});

describe('applyStep', () => {
  it('clears an answer emptied on the form and drops answers that no longer apply', () => {
    const prev = { 'smoking-status': { code: 'daily' }, 'smoking-per-day': { value: 20 } } as const;
    const shown = visibleItems(smoking, prev).items;
    const next = applyStep(smoking, prev, shown, { 'smoking-status': { code: 'never' } });
    expect(next).toEqual({ 'smoking-status': { code: 'never' } });
  });
});

describe('parseNumber', () => {
  it('accepts 3, 2,5 and 2.5 and nothing else', () => {
    expect([
      parseNumber('3'),
      parseNumber('2,5'),
      parseNumber('2.5'),
      parseNumber('1e3'),
      parseNumber('3 genstande'),
    ]).toEqual([3, 2.5, 2.5, null, null]);
  });
});
