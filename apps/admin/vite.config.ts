import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The production JS budget of issue 4: under 250 kB gzipped, all chunks of the admin app. */
const JS_BUDGET_GZIP_BYTES = 250_000;

/**
 * Prints the gzipped size of the admin app's JS (every chunk its entry reaches) and of the
 * GraphQL explorer's, and fails the build when the admin app is over budget. The explorer is
 * an entry of its own, loaded only at /admin/graphiql.html, so it is outside the budget.
 */
function jsBudget(): Plugin {
  let summary = '';
  return {
    name: 'liftoff-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle).flatMap((file) =>
          file.type === 'chunk' ? [[file.fileName, file]] : [],
        ),
      );
      const reach = (start: string, seen = new Set<string>()): Set<string> => {
        if (seen.has(start)) return seen;
        seen.add(start);
        const chunk = chunks.get(start);
        for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? [])])
          reach(next, seen);
        return seen;
      };
      // Entry chunks are named after their input (the HTML pages below).
      const entry = (name: string) =>
        [...chunks.values()].find((c) => c.isEntry && c.name === name);
      const size = (names: Set<string>) => {
        let raw = 0;
        let gzip = 0;
        for (const name of names) {
          const code = chunks.get(name)?.code ?? '';
          raw += Buffer.byteLength(code);
          gzip += gzipSync(code).length;
        }
        return { raw, gzip };
      };
      const main = entry('admin');
      if (!main) return this.error('no admin entry chunk');
      const admin = reach(main.fileName);
      const explorerEntry = entry('graphiql');
      const explorer = explorerEntry
        ? new Set([...reach(explorerEntry.fileName)].filter((name) => !admin.has(name)))
        : new Set<string>();
      const app = size(admin);
      const extra = size(explorer);
      // kB = 1000 bytes, as in Vite's own size table.
      const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
      summary = `admin production JS: ${kb(app.gzip)} gzipped (${kb(app.raw)} raw), budget ${kb(JS_BUDGET_GZIP_BYTES)} gzipped; GraphQL explorer (separate entry) ${kb(extra.gzip)} gzipped more`;
      if (app.gzip > JS_BUDGET_GZIP_BYTES) this.error(`${summary}: over budget`);
    },
    closeBundle() {
      if (summary) console.log(summary);
    },
  };
}

export default defineConfig({
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [jsBudget()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client" (for React server components),
      // which means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        admin: `${root}index.html`,
        graphiql: `${root}graphiql.html`,
      },
    },
  },
});
