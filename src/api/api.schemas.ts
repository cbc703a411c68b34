/**
 * The open API's JSON Schemas (2020-12, as OpenAPI 3.1 uses). They are the single source: Fastify
 * validates the query and serializes the response with them, and @fastify/swagger builds
 * /api/openapi.json from them (decision 0026). Each response carries an example, which the
 * reference page shows and the test validates.
 */

const nullable = (type: 'number' | 'string' | 'integer') => ({ type: [type, 'null'] });
const KOMMUNE = { type: 'string', pattern: '^[0-9]{4}$' } as const;

const kommuneParam = {
  ...KOMMUNE,
  description:
    'The municipality (4-digit code, e.g. 0265 Roskilde). Default: the municipality of the host.',
};

export const kommuneQuery = {
  type: 'object',
  properties: { kommune: kommuneParam },
  additionalProperties: false,
} as const;

export const figuresQuery = {
  type: 'object',
  required: ['indicator'],
  properties: {
    kommune: kommuneParam,
    indicator: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,64}$',
      description: 'Indicator key, from /api/v1/indicators.',
    },
    dimension: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,64}$',
      description: 'Social dimension key (e.g. uddannelse); omit for everyone.',
    },
    area: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.-]{1,40}$',
      description: 'Area code; default the municipality itself.',
    },
  },
  additionalProperties: false,
} as const;

/** The envelope every list shares: which municipality, and its items. */
const envelope = (items: object, example: unknown[]) => ({
  type: 'object',
  required: ['kommune', 'municipality', 'items'],
  properties: {
    kommune: KOMMUNE,
    municipality: { type: 'string' },
    items: { type: 'array', items },
  },
  additionalProperties: false,
  examples: [{ kommune: '0265', municipality: 'Roskilde', items: example }],
});

/** Said wherever a goal's number appears: the precision is the goal page's. */
const GOAL_PRECISION =
  "In the unit of the goal's measure, rounded as the goal page shows it: percent (prevalence) " +
  'and percentage points (D, SII) to 1 decimal, reach ratios to 2 decimals.';

const yearValue = {
  type: 'object',
  required: ['year', 'value'],
  properties: { year: { type: 'integer' }, value: { type: 'number', description: GOAL_PRECISION } },
  additionalProperties: false,
} as const;

export const GOAL_STATES = ['ahead', 'on_track', 'behind', 'no_data'] as const;

const goal = {
  type: 'object',
  required: [
    'id',
    'kind',
    'indicator',
    'indicatorLabel',
    'dimension',
    'group',
    'groupLabel',
    'area',
    'measure',
    'baseline',
    'target',
    'latest',
    'pathValue',
    'state',
    'sentence',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: { enum: ['level', 'gap', 'reach'] },
    indicator: { type: 'string' },
    indicatorLabel: { type: 'string' },
    dimension: nullable('string'),
    group: nullable('string'),
    groupLabel: nullable('string'),
    area: { type: 'string' },
    measure: { enum: ['prevalence', 'D', 'SII', 'reach_ratio'] },
    baseline: yearValue,
    target: yearValue,
    latest: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['year', 'value', 'lo', 'hi'],
          properties: {
            year: { type: 'integer' },
            value: { ...nullable('number'), description: GOAL_PRECISION },
            lo: { ...nullable('number'), description: 'Lower end of the 95 % interval; as value.' },
            hi: { ...nullable('number'), description: 'Upper end of the 95 % interval; as value.' },
          },
          additionalProperties: false,
        },
      ],
    },
    pathValue: {
      ...nullable('number'),
      description: `The path value for the latest year. ${GOAL_PRECISION}`,
    },
    state: { enum: GOAL_STATES },
    sentence: { type: 'string', description: 'The state in a plain Danish sentence.' },
  },
  additionalProperties: false,
} as const;

export const goalsResponse = envelope(goal, [
  {
    id: '3f1c2a8e-7d4b-4c1e-9a55-2b6f0c9d1e11',
    kind: 'level',
    indicator: 'dagligryger',
    indicatorLabel: 'Ryger dagligt',
    dimension: 'uddannelse',
    group: '1',
    groupLabel: 'Grundskole',
    area: '0265',
    measure: 'prevalence',
    baseline: { year: 2017, value: 27 },
    target: { year: 2030, value: 18 },
    latest: { year: 2021, value: 26.1, lo: 24.9, hi: 27.3 },
    pathValue: 24.2,
    state: 'behind',
    sentence: 'Målet er bagud: 26,1 % i 2021, hvor stien er 24,2 %.',
  },
]);

export const RECOMMENDATION_STATES = ['not_started', 'planned', 'under_way', 'in_place'] as const;

const recommendation = {
  type: 'object',
  required: [
    'id',
    'framework',
    'code',
    'title',
    'text',
    'departments',
    'state',
    'note',
    'noteDate',
    'interventionIds',
  ],
  properties: {
    id: { type: 'string' },
    framework: { type: 'string' },
    code: { type: 'string' },
    title: { type: 'string' },
    text: { type: 'string' },
    departments: { type: 'array', items: { type: 'string' } },
    state: { enum: RECOMMENDATION_STATES },
    note: nullable('string'),
    noteDate: nullable('string'),
    interventionIds: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
} as const;

export const recommendationsResponse = envelope(recommendation, [
  {
    id: 'roskilde-2024:7',
    framework: 'roskilde-2024',
    code: '7',
    title: 'Sæt ambitiøse mål for sundhed',
    text: 'Sætte konkrete og ambitiøse mål om nikotinforbrug og fysisk aktivitet.',
    departments: ['health'],
    state: 'under_way',
    note: 'Mål for rygning vedtaget.',
    noteDate: '2026-03-01',
    interventionIds: ['0b8e6f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
  },
]);

const intervention = {
  type: 'object',
  required: [
    'id',
    'name',
    'purpose',
    'department',
    'type',
    'status',
    'evidenceLevel',
    'hasEvaluation',
    'targetGroups',
    'recommendationIds',
  ],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    purpose: { type: 'string' },
    department: { type: 'string' },
    type: { enum: ['individual', 'group', 'structural'] },
    status: { enum: ['idea', 'planned', 'running', 'ended', 'stopped'] },
    evidenceLevel: { enum: ['none', 'weak', 'moderate', 'strong'] },
    hasEvaluation: { type: 'boolean' },
    targetGroups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          dimension: { type: 'string' },
          group: { type: 'string' },
          riskFactor: { type: 'string' },
        },
        additionalProperties: false,
      },
    },
    recommendationIds: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
} as const;

export const interventionsResponse = envelope(intervention, [
  {
    id: '0b8e6f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    name: 'Røgfri skoletid',
    purpose: 'Ingen elever ryger i skoletiden.',
    department: 'schools',
    type: 'structural',
    status: 'running',
    evidenceLevel: 'moderate',
    hasEvaluation: true,
    targetGroups: [{ riskFactor: 'smoking' }],
    recommendationIds: ['roskilde-2024:7'],
  },
]);

const label = {
  type: 'object',
  required: ['da', 'en'],
  properties: { da: { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
} as const;

const indicator = {
  type: 'object',
  required: ['key', 'label', 'favourable', 'years'],
  properties: {
    key: { type: 'string' },
    label,
    favourable: { type: 'boolean', description: 'Higher is better.' },
    years: { type: 'array', items: { type: 'integer' } },
  },
  additionalProperties: false,
} as const;

const dimension = {
  type: 'object',
  required: ['key', 'label', 'groups'],
  properties: {
    key: { type: 'string' },
    label,
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'label'],
        properties: { code: { type: 'string' }, label },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export const indicatorsResponse = {
  type: 'object',
  required: ['kommune', 'municipality', 'items', 'dimensions'],
  properties: {
    kommune: KOMMUNE,
    municipality: { type: 'string' },
    items: { type: 'array', items: indicator },
    dimensions: { type: 'array', items: dimension },
  },
  additionalProperties: false,
  examples: [
    {
      kommune: '0265',
      municipality: 'Roskilde',
      items: [
        {
          key: 'dagligryger',
          label: { da: 'Ryger dagligt', en: 'Smokes daily' },
          favourable: false,
          years: [2017, 2021],
        },
      ],
      dimensions: [
        {
          key: 'uddannelse',
          label: { da: 'Uddannelse', en: 'Education' },
          groups: [{ code: '1', label: { da: 'Grundskole', en: 'Primary school' } }],
        },
      ],
    },
  ],
} as const;

const figure = {
  type: 'object',
  required: ['year', 'group', 'groupLabel', 'value', 'lo', 'hi', 'n', 'suppressed'],
  properties: {
    year: { type: 'integer' },
    group: nullable('string'),
    groupLabel: nullable('string'),
    value: {
      ...nullable('number'),
      description: 'Percent, rounded to 1 decimal as the monitor shows it; null when suppressed.',
    },
    lo: { ...nullable('number'), description: 'Lower end of the 95 % interval, 1 decimal.' },
    hi: { ...nullable('number'), description: 'Upper end of the 95 % interval, 1 decimal.' },
    n: { ...nullable('integer'), description: 'Respondents; null when suppressed.' },
    suppressed: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

export const figuresResponse = {
  type: 'object',
  required: ['kommune', 'municipality', 'indicator', 'dimension', 'area', 'unit', 'items'],
  properties: {
    kommune: KOMMUNE,
    municipality: { type: 'string' },
    indicator: { type: 'string' },
    dimension: nullable('string'),
    area: { type: 'string' },
    unit: {
      const: 'percent',
      description: 'Values and intervals are percentages (0–100), rounded to 1 decimal.',
    },
    items: { type: 'array', items: figure },
  },
  additionalProperties: false,
  examples: [
    {
      kommune: '0265',
      municipality: 'Roskilde',
      indicator: 'dagligryger',
      dimension: 'uddannelse',
      area: '0265',
      unit: 'percent',
      items: [
        {
          year: 2021,
          group: '1',
          groupLabel: 'Grundskole',
          value: 26.1,
          lo: 24.9,
          hi: 27.3,
          n: 412,
          suppressed: false,
        },
        {
          year: 2021,
          group: '3',
          groupLabel: 'Ikke-vestlig',
          value: null,
          lo: null,
          hi: null,
          n: null,
          suppressed: true,
        },
      ],
    },
  ],
} as const;

/** RFC 9457 problem details, as src/web/error-handler.tsx sends them for /api/. */
export const problem = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});

/** The error responses every endpoint may give. */
export const errorResponses = {
  400: problemResponse('A parameter is invalid.'),
  404: problemResponse('No such municipality.'),
  429: problemResponse('Too many requests; see Retry-After.'),
} as const;
