// Imports run one way: routes -> http (request helpers) -> services -> models -> pure domain
// code -> i18n -> utils. See docs/decisions/021-layout-and-import-rules.md.
const pure = '^app/(mentions|scoring|ingest|webhooks|schemas)/'
const notTests = '\\.test\\.tsx?$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    {
      name: 'db-types-only-as-types',
      comment: 'db/types.ts describes the tables; outside models it may only be imported for its types',
      severity: 'error',
      from: { path: '^app/', pathNot: '^app/models/' },
      to: { path: '^db/types\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'utils-import-only-utils',
      comment: 'utils sit at the bottom: they import nothing else from the app',
      severity: 'error',
      from: { path: '^app/utils/', pathNot: notTests },
      to: { path: '^(app|db)/', pathNot: '^app/utils/|^db/types\\.ts$' },
    },
    {
      name: 'i18n-imports-only-i18n-and-utils',
      severity: 'error',
      from: { path: '^app/i18n/' },
      to: { path: '^(app|db)/', pathNot: '^app/(i18n|utils)/|^db/types\\.ts$' },
    },
    {
      name: 'pure-domain-stays-pure',
      comment: 'the mention engine, consensus maths, extractors, formats and schemas touch no database, HTTP layer or React tree',
      severity: 'error',
      from: { path: pure, pathNot: notTests },
      to: {
        path: '^(db/|app/(models|services|http|routes|components|cli)/)|^node_modules/(pg|kysely|@electric-sql|@remix-run|express)/',
        pathNot: '^db/types\\.ts$',
      },
    },
    {
      name: 'models-never-import-upward',
      severity: 'error',
      from: { path: '^app/models/', pathNot: notTests },
      to: { path: '^app/(services|http|routes|components|cli)/|^app/root\\.tsx' },
    },
    {
      name: 'services-never-import-upward',
      severity: 'error',
      from: { path: '^app/services/', pathNot: notTests },
      to: { path: '^app/(http|routes|components|cli)/|^app/root\\.tsx' },
    },
    {
      name: 'http-never-imports-routes',
      severity: 'error',
      from: { path: '^app/http/', pathNot: notTests },
      to: { path: '^app/(routes|cli)/|^app/root\\.tsx' },
    },
    {
      name: 'components-render-only',
      comment: 'components get shaped data by props; they never reach the database, services or request helpers',
      severity: 'error',
      from: { path: '^app/components/', pathNot: notTests },
      to: { path: '^(db/|app/(models|services|http|routes|cli)/)', pathNot: '^db/types\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-never-import-db',
      severity: 'error',
      from: { path: '^app/(routes|root)' },
      to: { path: '^db/' },
    },
    {
      name: 'model-folders-are-private',
      comment: 'outside app/models, import a model folder through its index.server.ts',
      severity: 'error',
      from: { path: '^app/', pathNot: '^app/models/|' + notTests },
      to: { path: '^app/models/[^/]+/', pathNot: '^app/models/[^/]+/index\\.server\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|public/build|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
