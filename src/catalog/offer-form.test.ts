import { describe, expect, it } from 'vitest';
import { publicTextFields, readOfferForm } from './offer-form.ts';

const loc = '11111111-1111-4111-8111-111111111111';
const base = {
  organization_id: 'org',
  title: 'Gåtur',
  summary: 'Vi går.',
  arena: 'housing_area',
  offer_type: 'group',
  mode: 'in_person',
  languages: ['da'],
  flags: ['free'],
  location_ids: [loc],
  schedule_0_weekday: '2',
  schedule_0_start: '10.00',
  schedule_0_end: '11:30',
};

describe('offer form', () => {
  it('reads a valid form into an offer', () => {
    const { input, problems } = readOfferForm(base, [loc]);
    expect(problems).toEqual([]);
    expect(input).toMatchObject({
      title: 'Gåtur',
      free: true,
      price_dkk: null,
      location_ids: [loc],
    });
    expect(input?.schedules).toEqual([
      { weekday: 2, starts_at: '10:00', ends_at: '11:30', location_id: loc },
    ]);
  });

  it('names each problem and keeps what was typed', () => {
    const { values, input, problems } = readOfferForm(
      {
        ...base,
        title: 'G',
        flags: [],
        price_dkk: 'gratis',
        schedule_1_weekday: '3',
        schedule_1_start: '12:00',
        schedule_1_end: '11:00',
        location_ids: 'someone-elses',
      },
      [loc],
    );
    expect(input).toBeNull();
    expect(values.title).toBe('G');
    expect(problems.map((p) => p.path)).toEqual([
      'title',
      'price_dkk',
      'location_ids',
      'schedule_1_weekday',
    ]);
  });

  it('requires a title for any translation it is given', () => {
    const { problems } = readOfferForm({ ...base, tr_ar_summary: 'نمشي' }, [loc]);
    expect(problems).toEqual([
      { path: 'tr_ar_title', message: 'offerForm.error.translationTitle' },
    ]);
  });

  it('lists the public text fields for the stigmatisation check, not internal ones', () => {
    expect(
      Object.keys(
        publicTextFields({ title: 'a', summary: 'b', target_groups: 'ledige', tr_en_title: 'c' }),
      ),
    ).toEqual(['title', 'summary', 'tr_en_title']);
  });
});
