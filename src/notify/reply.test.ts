import { describe, expect, it } from 'vitest';
import { readReplyForm, replyStatus } from './reply.ts';

describe('readReplyForm', () => {
  it('takes one of the link’s choices', () => {
    expect(readReplyForm({ valg: 'cancel' }, ['confirm', 'cancel'], false)).toEqual({
      ok: true,
      choice: 'cancel',
      note: undefined,
    });
  });

  it('names the field when nothing or a choice the link does not offer is chosen', () => {
    for (const body of [
      {},
      { valg: 'new_time' },
      { valg: 'delete' },
      { valg: ['cancel'] },
      undefined,
    ]) {
      const r = readReplyForm(body, ['confirm', 'cancel'], false);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems).toEqual([{ path: 'valg', message: 'reply.choiceRequired' }]);
    }
  });

  it('keeps a wish only with new_time and only where the handler takes one', () => {
    const all = ['confirm', 'cancel', 'new_time'] as const;
    expect(
      readReplyForm({ valg: 'new_time', oenske: ' mandag \r\n efter 14 ' }, all, true),
    ).toEqual({
      ok: true,
      choice: 'new_time',
      note: 'mandag \n efter 14',
    });
    expect(readReplyForm({ valg: 'new_time', oenske: 'mandag' }, all, false)).toMatchObject({
      note: undefined,
    });
    expect(readReplyForm({ valg: 'cancel', oenske: 'mandag' }, all, true)).toMatchObject({
      note: undefined,
    });
    expect(readReplyForm({ valg: 'new_time', oenske: '   ' }, all, true)).toMatchObject({
      note: undefined,
    });
  });

  it('refuses a wish over 300 characters, naming the field', () => {
    const r = readReplyForm({ valg: 'new_time', oenske: 'x'.repeat(301) }, ['new_time'], true);
    expect(r).toMatchObject({
      ok: false,
      problems: [{ path: 'oenske', message: 'reply.noteTooLong' }],
    });
    expect(
      readReplyForm({ valg: 'new_time', oenske: 'æ'.repeat(300) }, ['new_time'], true).ok,
    ).toBe(true);
  });

  it('maps states to status codes: unknown 404, gone 410', () => {
    expect(replyStatus({ state: 'unknown' })).toBe(404);
    expect(replyStatus({ state: 'expired', contactPhone: null, language: null })).toBe(410);
    expect(
      replyStatus({ state: 'used', choice: 'cancel', contactPhone: null, language: 'da' }),
    ).toBe(410);
    expect(replyStatus({ state: 'closed', contactPhone: null, language: 'da' })).toBe(410);
    expect(
      replyStatus({ state: 'done', choice: 'cancel', contactPhone: null, language: 'da' }),
    ).toBe(200);
  });
});
