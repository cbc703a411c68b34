// The walls between the kernel and the domains, checked by `npm run check:imports` (and CI).
// docs/architecture.md says why each wall is there; CONVENTIONS.md how a domain is laid out.
const DOMAINS =
  'catalog|conversation|monitor|staff|audit|demo|people|referrals|planning|assessment|notify|outreach|fhir|voice|api';
const TESTS = '(\\.test\\.tsx?|\\.examples\\.tsx)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import circle makes load order matter and every file in it move together.',
      from: { path: '^(src|test|bench|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'kernel-imports-no-domain',
      severity: 'error',
      comment:
        'platform/, web/ and db/ are the kernel every domain builds on: they import no domain. ' +
        'A piece two domains share belongs in the kernel; a domain detail the kernel needs is ' +
        'passed in by src/app.ts.',
      from: { path: '^src/(platform|web|db)/', pathNot: TESTS },
      to: { path: `^src/(${DOMAINS}|app\\.ts|cli\\.ts)` },
    },
    {
      name: 'domains-meet-at-index',
      severity: 'error',
      comment:
        "A domain uses another only through that domain's named surface, its index.ts. " +
        'Tests may reach further in to set up fixtures.',
      from: { path: `^src/(${DOMAINS})/`, pathNot: TESTS },
      to: { path: `^src/(${DOMAINS})/`, pathNot: ['^src/$1/', `^src/(${DOMAINS})/index\\.ts$`] },
    },
    {
      name: 'routes-import-no-cli-or-routes',
      severity: 'error',
      comment:
        'A routes file parses, calls one use case and renders one page: no CLI code, and ' +
        'no other routes file (share a service or a page instead).',
      from: { path: '\\.routes\\.tsx?$' },
      to: { path: '(\\.cli\\.ts|\\.routes\\.tsx?)$' },
    },
    {
      name: 'only-the-app-mounts-routes-and-commands',
      severity: 'error',
      comment: 'Routes plugins and CLI commands are wired in src/app.ts and src/cli.ts only.',
      from: { path: '^src/', pathNot: [`^src/(app|cli)\\.ts$`, TESTS, '\\.cli\\.ts$'] },
      to: { path: '(\\.cli\\.ts|\\.routes\\.tsx?)$' },
    },
    {
      name: 'no-app-from-below',
      severity: 'error',
      comment: 'Nothing imports the app or the CLI: they are the top (tests and benches aside).',
      from: { path: '^src/', pathNot: ['^src/cli\\.ts$', TESTS] },
      to: { path: '^src/(app|cli)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|data|coverage|\\.tmp)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
