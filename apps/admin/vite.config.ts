import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The production JS budget of issue 4: under 250 kB gzipped, all chunks together. */
const JS_BUDGET_GZIP_BYTES = 250_000;

/** Prints the gzipped size of all emitted JS and fails the build when it is over budget. */
function jsBudget(): Plugin {
  let summary = '';
  return {
    name: 'liftoff-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      let raw = 0;
      let gzip = 0;
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        raw += Buffer.byteLength(file.code);
        gzip += gzipSync(file.code).length;
      }
      // kB = 1000 bytes, as in Vite's own size table.
      const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
      summary = `admin production JS: ${kb(gzip)} gzipped (${kb(raw)} raw), budget ${kb(JS_BUDGET_GZIP_BYTES)} gzipped`;
      if (gzip > JS_BUDGET_GZIP_BYTES) this.error(`${summary}: over budget`);
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
  },
});
