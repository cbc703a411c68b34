/**
 * The report "Konsekvenser for lighed i sundhed" for the committee paper, as blocks the page,
 * the PDF (the page's HTML through Chromium) and the Word file all render, so the three say
 * the same. Plain words; the matrix is a table of words (never colour alone); the monitor's
 * figures with their intervals, and a note where small groups are hidden.
 */
import type { DocBlock } from '../platform/docx.ts';
import { SUPPRESSED_TEXT } from '../monitor/index.ts';
import type { Translate } from '../web/i18n.ts';
import type { AssessmentView, Figures } from './assessment.service.ts';
import { textIn, type Layer } from './template.ts';

type Lang = 'da' | 'en';

export const numberText = (v: number, lang: Lang, digits = 1) =>
  v.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** "32,1 % (28,0–36,4)": a percentage with its 95 % interval. */
export function percentText(
  v: number | null,
  lo: number | null,
  hi: number | null,
  lang: Lang,
  t: Translate,
): string {
  if (v === null) return t('assessment.figures.hidden');
  // A no-break space before % and word joiners around the dash: a narrow column wraps
  // between the value and its interval, never inside either.
  const main = `${numberText(v, lang)}\u00a0%`;
  return lo === null || hi === null
    ? main
    : `${main} (${numberText(lo, lang)}\u2060–\u2060${numberText(hi, lang)})`;
}

export const groupLabel = (view: AssessmentView, key: string, lang: Lang) => {
  const g = view.template.groups.find((x) => x.key === key);
  return g ? textIn(g.label, lang) : key;
};

/** The matrix's cell in words: "Negativ (middel sikkerhed)", or "Ikke vurderet". */
export function cellText(view: AssessmentView, group: string, layer: Layer, t: Translate) {
  const c = view.cells.find((x) => x.group === group && x.layer === layer);
  if (!c) return t('assessment.impact.none');
  return t('assessment.matrix.cellText', {
    impact: t(`assessment.impact.${c.impact}`),
    confidence: t(`assessment.confidence.${c.confidence}`),
  });
}

export function screeningSentence(view: AssessmentView, t: Translate): string {
  const s = view.screening;
  if (s.status === 'incomplete') return t('assessment.screening.incomplete');
  return t(s.status === 'full' ? 'assessment.screening.full' : 'assessment.screening.notNeeded');
}

export function screeningReasons(view: AssessmentView, t: Translate, lang: Lang): string[] {
  const s = view.screening;
  if (s.status === 'incomplete') return [];
  return s.reasons.map((r) => {
    switch (r.kind) {
      case 'decisive': {
        const q = view.template.questions.find((x) => x.key === r.question);
        return t('assessment.screening.reason.decisive', {
          question: q ? textIn(q.text, lang) : r.question,
        });
      }
      case 'several':
        return t('assessment.screening.reason.several', { count: r.count });
      case 'unknown':
        return t('assessment.screening.reason.unknown', { count: r.count });
      case 'few':
        return t('assessment.screening.reason.few', { yes: r.yes, unsure: r.unsure });
    }
  });
}

export interface ReportInput {
  view: AssessmentView;
  figures: Figures;
  t: Translate;
  lang: Lang;
  departmentName: string;
  municipality: string;
}

export function reportTitle(t: Translate) {
  return t('assessment.report.title');
}

export function reportBlocks({ view, figures, t, lang, departmentName }: ReportInput): DocBlock[] {
  const b: DocBlock[] = [];
  const date = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${iso}T00:00:00Z`));

  b.push({ kind: 'heading', level: 1, text: t('assessment.report.proposal') });
  b.push({
    kind: 'table',
    caption: t('assessment.report.proposalCaption'),
    head: [t('assessment.report.what'), t('assessment.report.value')],
    rows: [
      [t('assessment.field.title'), view.title],
      [t('assessment.field.proposalType'), t(`assessment.type.${view.proposalType}`)],
      [t('assessment.field.department'), departmentName],
      [t('assessment.field.decision'), view.decision],
      [t('assessment.field.decisionDate'), date(view.decisionDate)],
      [t('assessment.field.area'), figures.areaName],
      [t('assessment.report.state'), t(`assessment.state.${view.state}`)],
    ],
  });
  if (view.description) b.push({ kind: 'paragraph', text: view.description });
  if (view.objective)
    b.push({ kind: 'paragraph', text: `${t('assessment.field.objective')}: ${view.objective}` });

  b.push({ kind: 'heading', level: 1, text: t('assessment.report.screening') });
  b.push({ kind: 'paragraph', text: screeningSentence(view, t) });
  const reasons = screeningReasons(view, t, lang);
  if (reasons.length) b.push({ kind: 'bullets', items: reasons });

  if (view.screening.status !== 'not_needed' && view.groups.length && view.layers.length) {
    b.push({ kind: 'heading', level: 1, text: t('assessment.report.matrix') });
    b.push({ kind: 'paragraph', text: t('assessment.report.matrixLead') });
    b.push({
      kind: 'table',
      caption: t('assessment.report.matrixCaption'),
      head: [
        t('assessment.matrix.group'),
        ...view.layers.map((l) => t(`assessment.layer.${l}`)),
        t('assessment.matrix.overall'),
      ],
      rows: view.summary.map((s) => [
        groupLabel(view, s.group, lang),
        ...view.layers.map((l) => cellText(view, s.group, l, t)),
        t(`assessment.impact.${s.overall}`),
      ]),
    });
    const evidence = view.cells.filter((c) => c.evidence);
    if (evidence.length) {
      b.push({ kind: 'heading', level: 2, text: t('assessment.report.evidence') });
      b.push({
        kind: 'bullets',
        items: evidence.map(
          (c) =>
            `${groupLabel(view, c.group, lang)}, ${t(`assessment.layer.${c.layer}`)}: ${c.evidence}`,
        ),
      });
    }
  }

  if (figures.groups.length) {
    b.push({ kind: 'heading', level: 1, text: t('assessment.report.figures') });
    b.push({
      kind: 'paragraph',
      text: t('assessment.figures.lead', { area: figures.areaName }),
    });
    for (const g of figures.groups) {
      const title = `${groupLabel(view, g.group, lang)} (${textIn(g.dimension.label, lang)})`;
      b.push({ kind: 'heading', level: 2, text: title });
      if (g.gaps.length === 0) b.push({ kind: 'paragraph', text: t('assessment.figures.noGaps') });
      else
        b.push({
          kind: 'table',
          caption: t('assessment.figures.caption', {
            group: groupLabel(view, g.group, lang),
            year: g.year ?? 0,
          }),
          head: [
            t('assessment.figures.indicator'),
            t('assessment.figures.group'),
            t('assessment.figures.groupValue'),
            t('assessment.figures.best'),
            t('assessment.figures.gap'),
          ],
          rows: g.gaps.map((p) => [
            textIn(p.indicatorLabel, lang),
            textIn(p.groupLabel, lang),
            percentText(p.groupEstimate, p.groupLower, p.groupUpper, lang, t),
            `${textIn(p.bestGroupLabel, lang)}: ${percentText(p.bestEstimate, p.bestLower, p.bestUpper, lang, t)}`,
            t('assessment.figures.points', { gap: numberText(p.gap, lang) }),
          ]),
        });
      for (const sf of g.series)
        b.push({
          kind: 'table',
          caption: t('assessment.figures.seriesCaption', {
            indicator: textIn(sf.indicator.label, lang),
            dimension: textIn(g.dimension.label, lang),
            year: sf.year ?? 0,
          }),
          head: [t('assessment.figures.group'), t('assessment.figures.groupValue')],
          rows: sf.rows.map((r) => [
            r.labels ? textIn(r.labels, lang) : t('assessment.figures.everyone'),
            r.suppressed ? SUPPRESSED_TEXT[lang] : percentText(r.value, r.lo, r.hi, lang, t),
          ]),
        });
      const hidden =
        g.hidden + g.series.reduce((n, sf) => n + sf.rows.filter((r) => r.suppressed).length, 0);
      if (hidden > 0)
        b.push({ kind: 'paragraph', text: t('assessment.figures.hiddenCount', { count: hidden }) });
    }
  }

  b.push({ kind: 'heading', level: 1, text: t('assessment.report.actions') });
  const actions = (kind: 'mitigate' | 'amplify') =>
    view.actions
      .filter((a) => a.kind === kind)
      .map(
        (a) =>
          `${a.group ? `${groupLabel(view, a.group, lang)}: ` : ''}${a.text}${
            a.interventionId ? ` (${t('assessment.actions.isIntervention')})` : ''
          }`,
      );
  const mitigate = actions('mitigate');
  const amplify = actions('amplify');
  b.push({ kind: 'heading', level: 2, text: t('assessment.actions.mitigate') });
  if (mitigate.length) b.push({ kind: 'bullets', items: mitigate });
  else b.push({ kind: 'paragraph', text: t('assessment.actions.none') });
  b.push({ kind: 'heading', level: 2, text: t('assessment.actions.amplify') });
  if (amplify.length) b.push({ kind: 'bullets', items: amplify });
  else b.push({ kind: 'paragraph', text: t('assessment.actions.none') });

  b.push({ kind: 'heading', level: 1, text: t('assessment.report.monitoring') });
  const indicators = view.indicators.map((i) => {
    const info = figures.indicatorChoices.find((x) => x.key === i.indicator);
    const dim = figures.dimensionChoices.find((x) => x.key === i.dimension);
    const name = info ? textIn(info.label, lang) : i.description;
    const along = dim
      ? ` (${t('assessment.indicators.along', { dimension: textIn(dim.label, lang) })})`
      : '';
    const goal = i.goalId ? ` (${t('assessment.indicators.isGoal')})` : '';
    const desc = info && i.description ? `: ${i.description}` : '';
    return `${name}${along}${desc}${goal}`;
  });
  if (indicators.length) b.push({ kind: 'bullets', items: indicators });
  else b.push({ kind: 'paragraph', text: t('assessment.indicators.none') });
  b.push({
    kind: 'paragraph',
    text: view.reviewDate
      ? t('assessment.report.review', { date: date(view.reviewDate) })
      : t('assessment.report.noReview'),
  });

  b.push({ kind: 'heading', level: 1, text: t('assessment.report.conclusion') });
  b.push({
    kind: 'paragraph',
    text: view.conclusion || t('assessment.report.noConclusion'),
  });
  return b;
}
