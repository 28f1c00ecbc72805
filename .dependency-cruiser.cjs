/**
 * The project's import rules, checked by `npm run check` (dependency-cruiser):
 * apps -> libs/workflow -> libs/checklists, pure libs, no folder cycles in apps/api, and
 * an admin UI that takes nothing from the server or the rules library.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles-in-api',
      comment: 'Folders of apps/api (one Nest module each) must not import each other in a circle.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/api/src/' },
      to: { path: '^apps/api/src/', circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'No file imports itself through others.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'checklists-never-imports-workflow',
      comment: 'The direction is libs/workflow -> libs/checklists.',
      severity: 'error',
      from: { path: '^libs/checklists/' },
      to: { path: '^libs/workflow/' },
    },
    {
      name: 'libs-are-pure',
      comment: 'Libs are pure TypeScript: no Nest, no TypeORM, no database, no I/O.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '(^|/)node_modules/(@nestjs|typeorm|pg|@electric-sql|express|ws|graphql-ws)/|^(fs|node:fs|net|node:net|http|node:http|https|node:https|child_process|node:child_process)$',
      },
    },
    {
      name: 'admin-never-imports-server-or-workflow',
      comment:
        'The admin UI shows what the API says; it may use libs/checklists for names and limits.',
      severity: 'error',
      from: { path: '^apps/admin/' },
      to: { path: '^(apps/api|libs/workflow)/' },
    },
    {
      name: 'api-never-imports-admin',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/admin/' },
    },
    {
      name: 'libs-through-their-index',
      comment:
        'Apps use a lib only through its public index (the #workflow / #checklists imports).',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
