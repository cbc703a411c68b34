import { describe, expect, it } from 'vitest';
import { INSTRUMENTS, pss10, smoking, resources, who5 } from './instruments/index.ts';
import { toQuestionnaire, toQuestionnaireResponse } from './fhir.ts';

describe('FHIR R4 Questionnaire', () => {
  it.each(INSTRUMENTS.map((i) => [i.id, i] as const))('%s has the required shape', (_id, inst) => {
    const q = toQuestionnaire(inst);
    expect(q.resourceType).toBe('Questionnaire');
    expect(['draft', 'active']).toContain(q.status);
    expect(q.item).toHaveLength(inst.items.length);
    for (const item of q.item) {
      expect(item.linkId).toMatch(/\S/);
      expect(['choice', 'decimal', 'text']).toContain(item.type);
      expect(item.required).toBe(false);
      if (item.type === 'choice') {
        expect(item.answerOption?.length).toBeGreaterThan(0);
        for (const o of item.answerOption ?? [])
          expect(o.valueCoding).toMatchObject({
            system: expect.stringContaining(inst.id) as unknown,
            code: expect.any(String) as unknown,
          });
      } else {
        expect(item.answerOption).toBeUndefined();
      }
      for (const ew of item.enableWhen ?? []) {
        expect(q.item.findIndex((x) => x.linkId === ew.question)).toBeLessThan(
          q.item.indexOf(item),
        );
      }
    }
    expect(new Set(q.item.map((i) => i.linkId)).size).toBe(q.item.length);
  });

  it('maps appliesIf to enableWhen with enableBehavior any', () => {
    const amount = toQuestionnaire(smoking).item[1];
    expect(amount?.enableWhen).toEqual([
      {
        question: 'smoking-status',
        operator: '=',
        answerCoding: { system: 'https://lighed.example/fhir/CodeSystem/smoking', code: 'daily' },
      },
      {
        question: 'smoking-status',
        operator: '=',
        answerCoding: {
          system: 'https://lighed.example/fhir/CodeSystem/smoking',
          code: 'occasional',
        },
      },
    ]);
    expect(amount?.enableBehavior).toBe('any');
    expect(amount?.type).toBe('decimal');
  });

  it('carries scores as ordinalValue, English as a translation, licence check as draft', () => {
    const q = toQuestionnaire(who5);
    expect(q.status).toBe('draft');
    expect(toQuestionnaire(smoking).status).toBe('active');
    expect(q.item[0]?.answerOption?.[0]?.extension).toEqual([
      { url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 5 },
    ]);
    expect(q.item[0]?._text?.extension?.[0]?.extension).toEqual([
      { url: 'lang', valueCode: 'en' },
      { url: 'content', valueString: 'I have felt cheerful and in good spirits' },
    ]);
    // reversed PSS items keep the raw option score; the reversal is our scoring rule
    expect(toQuestionnaire(pss10).item[3]?.answerOption?.[0]?.extension?.[0]?.valueDecimal).toBe(0);
    expect(toQuestionnaire(resources).item[0]?.repeats).toBe(true);
  });
});

describe('FHIR R4 QuestionnaireResponse', () => {
  it('maps answers, skips what does not apply, marks declined', () => {
    const qr = toQuestionnaireResponse(
      smoking,
      { 'smoking-status': { code: 'never' }, 'smoking-per-day': { value: 3 } },
      { authored: '2026-11-24T10:00:00Z' },
    );
    expect(qr).toEqual({
      resourceType: 'QuestionnaireResponse',
      questionnaire: 'https://lighed.example/fhir/Questionnaire/smoking|1',
      status: 'completed',
      authored: '2026-11-24T10:00:00Z',
      item: [
        {
          linkId: 'smoking-status',
          text: 'Ryger du?',
          answer: [
            {
              valueCoding: {
                system: 'https://lighed.example/fhir/CodeSystem/smoking',
                code: 'never',
                display: 'Nej, jeg har aldrig røget',
              },
            },
          ],
        },
      ],
    });
    const daily = toQuestionnaireResponse(
      smoking,
      { 'smoking-status': { code: 'daily' }, 'smoking-per-day': { declined: true } },
      { status: 'in-progress' },
    );
    expect(daily.status).toBe('in-progress');
    expect(daily.item[1]).toEqual({
      linkId: 'smoking-per-day',
      text: expect.any(String) as unknown,
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
          valueCode: 'asked-declined',
        },
      ],
    });
  });

  it('maps multi-choice, numbers and text; drops empty text', () => {
    const qr = toQuestionnaireResponse(resources, {
      'resources-energy': { codes: ['nature', 'music'] },
      'resources-interests': { text: 'Fodbold' },
      'resources-successes': { text: '  ' },
    });
    expect(qr.item.map((i) => i.linkId)).toEqual(['resources-energy', 'resources-interests']);
    expect(qr.item[0]?.answer).toHaveLength(2);
    expect(qr.item[1]?.answer).toEqual([{ valueString: 'Fodbold' }]);
    const n = toQuestionnaireResponse(smoking, {
      'smoking-status': { code: 'daily' },
      'smoking-per-day': { value: 12 },
    });
    expect(n.item[1]?.answer).toEqual([{ valueDecimal: 12 }]);
  });
});
