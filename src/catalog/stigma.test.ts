import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../web/languages.ts';
import {
  checkStigma,
  explainStigma,
  STIGMA_CATEGORIES,
  STIGMA_TERMS,
  compileTerm,
} from './stigma.ts';
import rawTerms from './stigma-terms.json' with { type: 'json' };

/** The findings of one text as [matched text, category]. */
function found(text: string): [string, string][] {
  return checkStigma({ title: text }).map((f) => [f.term, f.category]);
}

describe('checkStigma: the guidance and the issue', () => {
  it("finds Sundhedsstyrelsen's own bad example", () => {
    expect(found('Stavgang for arbejdsløse motionister')).toEqual([['arbejdsløse', 'unemployed']]);
  });

  it('finds nothing when the title names the activity', () => {
    expect(found('Gåtur i Musicon')).toEqual([]);
  });

  it.each([
    ['Madklub for kontanthjælpsmodtagere', 'kontanthjælpsmodtagere', 'benefits'],
    ['Rygestop for udsatte borgere', 'udsatte borgere', 'vulnerable'],
    ['Vægttab for overvægtige', 'overvægtige', 'overweight'],
    ['Walking group for the unemployed', 'unemployed', 'unemployed'],
    ['Gåtur for indvandrerkvinder', 'indvandrerkvinder', 'origin'],
    ['Formiddagsmotion for førtidspensionister', 'førtidspensionister', 'early_retirement'],
    ['Sundhedsrum for hjemløse', 'hjemløse', 'homeless'],
    ['Samtalegruppe for alkoholmisbrugere', 'alkoholmisbrugere', 'addiction'],
    ['Gåtur for psykisk syge', 'psykisk syge', 'mental_illness'],
    ['Motion for sårbare familier', 'sårbare familier', 'vulnerable'],
  ])('finds %j', (text, term, category) => {
    expect(found(text)).toEqual([[term, category]]);
  });

  it.each([
    'Ledige pladser på holdet',
    'Der er stadig ledige pladser',
    'Der er 3 ledige',
    'Brug din ledige tid på at gå',
    'Fedtfattig madlavning',
    'Mindre fedt i maden',
    'Fede aktiviteter for unge',
    'Holdet er udsat til mandag',
    'Madlavning på arabisk og dansk',
    'Rådgivning om arbejdsløshed og sundhed',
    'Dansk Flygtningehjælp inviterer til gåtur',
    'Alcoholics Anonymous meets on Tuesdays',
    'Exercise if you are sleep-deprived',
    'Improve the poor diet',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('checkStigma: inflections and matching', () => {
  it.each([
    ['arbejdsløs', 'unemployed'],
    ['arbejdsløse', 'unemployed'],
    ['arbejdsløses', 'unemployed'],
    ['langtidsarbejdsløse', 'unemployed'],
    ['ledig', 'unemployed'],
    ['ledige', 'unemployed'],
    ['langtidsledige', 'unemployed'],
    ['kontanthjælpsmodtager', 'benefits'],
    ['kontanthjælpsmodtagerne', 'benefits'],
    ['førtidspensionist', 'early_retirement'],
    ['misbruger', 'addiction'],
    ['narkomaner', 'addiction'],
    ['alkoholiker', 'addiction'],
    ['svært overvægtige', 'overweight'],
    ['overvægtig', 'overweight'],
    ['sindslidende', 'mental_illness'],
    ['hjemløs', 'homeless'],
    ['socialt belastede', 'vulnerable'],
    ['ressourcesvage', 'vulnerable'],
    ['ikke-vestlige', 'origin'],
    ['ikke vestlige', 'origin'],
  ])('%j is %s', (word, category) => {
    const findings = checkStigma({ title: `Tilbud for ${word} i Roskilde` });
    expect(findings.map((f) => f.category)).toEqual([category]);
    expect(findings[0]?.term.toLowerCase()).toContain(word.split(' ').pop());
  });

  it('matches whole words only, case-insensitively, and returns the text as written', () => {
    expect(found('ARBEJDSLØSE')).toEqual([['ARBEJDSLØSE', 'unemployed']]);
    expect(found('Ledige borgere')).toEqual([['Ledige', 'unemployed']]);
    expect(found('hjemløshed')).toEqual([]);
  });

  it('merges overlapping matches of one category', () => {
    expect(found('Rygestop for socialt udsatte borgere')).toEqual([
      ['socialt udsatte borgere', 'vulnerable'],
    ]);
  });

  it('names the field and the offsets of each finding', () => {
    const findings = checkStigma({
      title: 'Gåtur i Musicon',
      summary: 'For hjemløse og for arbejdsløse',
      'translations.en.title': 'Walk for the homeless',
    });
    expect(findings).toEqual([
      { field: 'summary', term: 'hjemløse', category: 'homeless', lang: 'da', start: 4, end: 12 },
      {
        field: 'summary',
        term: 'arbejdsløse',
        category: 'unemployed',
        lang: 'da',
        start: 20,
        end: 31,
      },
      {
        field: 'translations.en.title',
        term: 'homeless',
        category: 'homeless',
        lang: 'en',
        start: 13,
        end: 21,
      },
    ]);
  });

  it('checks every language in every field, unless told otherwise', () => {
    expect(found('Gåtur for homeless og ledige')).toEqual([
      ['homeless', 'homeless'],
      ['ledige', 'unemployed'],
    ]);
    expect(checkStigma({ title: 'Gåtur for homeless' }, { languages: ['da'] })).toEqual([]);
  });

  it('skips empty and missing fields', () => {
    expect(checkStigma({ title: '', summary: undefined, description: null })).toEqual([]);
  });
});

describe('checkStigma: the other supported languages', () => {
  it.each([
    ['ar', 'رياضة المشي للعاطلين عن العمل', 'للعاطلين عن العمل', 'unemployed'],
    ['ar', 'مجموعة دعم للمدمنين', 'للمدمنين', 'addiction'],
    ['ar', 'مجموعة دعم لمدمني المخدرات', 'لمدمني', 'addiction'],
    ['ar', 'نزهة للمرضى النفسيين', 'للمرضى النفسيين', 'mental_illness'],
    ['tr', 'İşsizler için yürüyüş grubu', 'İşsizler', 'unemployed'],
    ['tr', 'EVSİZLER İÇİN KAHVALTI', 'EVSİZLER', 'homeless'],
    [
      'so',
      "Socod loogu talagalay dadka shaqo la'aanta ah",
      "dadka shaqo la'aanta ah",
      'unemployed',
    ],
    ['so', 'Quraac loogu talagalay dadka hoy la’aanta ah', 'hoy la’aanta', 'homeless'],
    ['uk', 'Прогулянки для безробітних', 'безробітних', 'unemployed'],
    ['uk', 'Плавання для огрядних людей', 'огрядних', 'overweight'],
  ])('%s: finds %j', (lang, text, term, category) => {
    expect(checkStigma({ [`translations.${lang}.title`]: text })).toMatchObject([
      { term, category, lang },
    ]);
  });

  it('matches Arabic with and without the definite article', () => {
    expect(found('ورشة للعاطلين').map(([, c]) => c)).toEqual(['unemployed']);
    expect(found('ورشة العاطلين').map(([, c]) => c)).toEqual(['unemployed']);
    expect(found('ورشة عاطلين عن العمل').map(([, c]) => c)).toEqual(['unemployed']);
    expect(found('المشردون').map(([, c]) => c)).toEqual(['homeless']);
  });

  it.each([
    ['ar', 'نزهة مشي في موسيكون، باللغة العربية'],
    ['ar', 'طبخ صحي قليل الدسم'],
    ['tr', "Musicon'da yürüyüş"],
    ['tr', 'İşsizlik ve sağlık semineri'],
    ['so', 'Socod caafimaad oo ka dhaca Musicon'],
    ['so', 'Waalidiinta iyo carruurta: dabaal'],
    ['uk', 'Прогулянка в парку Musicon'],
    ['uk', "Лекція: безробіття і здоров'я"],
  ])('%s: finds nothing in %j', (_lang, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('explainStigma', () => {
  it('explains every category in Danish and English', () => {
    for (const category of STIGMA_CATEGORIES) {
      for (const lang of ['da', 'en'] as const) {
        const { explanation, suggestion } = explainStigma(category, lang);
        expect(explanation.length, `${category}/${lang}`).toBeGreaterThan(40);
        expect(suggestion.length, `${category}/${lang}`).toBeGreaterThan(20);
      }
      expect(explainStigma(category, 'da')).not.toEqual(explainStigma(category, 'en'));
    }
  });

  it('speaks every supported language, falling back to the general text', () => {
    for (const lang of UI_LANGUAGES) {
      const { explanation, suggestion } = explainStigma('unemployed', lang);
      expect(explanation).not.toBe('');
      expect(suggestion).not.toBe('');
    }
    expect(explainStigma('unemployed', 'ar').explanation).toMatch(/\p{Script=Arabic}/u);
    expect(explainStigma('unemployed', 'uk').explanation).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('falls back to Danish for an unknown language and to the general text for an unknown category', () => {
    expect(explainStigma('homeless', 'xx')).toEqual(explainStigma('homeless', 'da'));
    expect(explainStigma('no-such-category', 'da').explanation).toContain('Sundhedsstyrelsen');
  });

  it('names the document and the activity in the Danish text', () => {
    const { explanation, suggestion } = explainStigma('unemployed', 'da');
    expect(explanation).toContain('stavgang for arbejdsløse motionister');
    expect(suggestion).toContain('Gåtur i Musicon');
  });
});

describe('stigma-terms.json', () => {
  it('has terms in every supported language', () => {
    for (const lang of UI_LANGUAGES) {
      expect(STIGMA_TERMS.filter((t) => t.lang === lang).length, lang).toBeGreaterThanOrEqual(8);
    }
  });

  it('every term pattern compiles', () => {
    for (const term of rawTerms.terms) {
      expect(() => compileTerm(term), term.pattern).not.toThrow();
    }
  });

  it("every term's category has an explanation", () => {
    for (const term of STIGMA_TERMS) {
      expect(STIGMA_CATEGORIES, term.pattern).toContain(term.category);
    }
  });

  it('every term finds its own example, in its category', () => {
    for (const term of STIGMA_TERMS) {
      // The term itself, on the text as checkStigma folds it for the term's language ...
      const own = [
        ...term.example.normalize('NFC').toLocaleLowerCase(term.lang).matchAll(term.regex),
      ];
      expect(own.length, `${term.lang} ${term.pattern} in ${term.example}`).toBeGreaterThan(0);
      // ... and the whole check, where an overlapping term may win but the category stays.
      expect(
        checkStigma({ example: term.example }).map((f) => f.category),
        `${term.lang}: ${term.example}`,
      ).toContain(term.category);
    }
  });

  it('no term matches the empty string', () => {
    for (const term of STIGMA_TERMS) {
      expect([...''.matchAll(term.regex)], term.pattern).toEqual([]);
    }
  });
});
