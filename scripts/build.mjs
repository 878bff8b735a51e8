#!/usr/bin/env node
/**
 * `npm run build`: bundles the TypeScript sources into dist/ with esbuild (ESM, Node 20, the
 * simulator's dependencies included, one chunk per lazily loaded module), so `coupon-kit` starts without compiling
 * anything. Runs on `npm ci` / `npm install` (prepare), before `npm pack`, and in `npm start`.
 *
 * The web console (ui/, served at /__control/ui/) is bundled for the browser into dist/ui/ (scripts/build-ui.mjs).
 *
 * It also writes the declaration files of the public entry points (package.json `exports`) into
 * dist/types/ with tsc (tsconfig.types.json), with relative imports pointing at `.js` so they resolve
 * under `module: nodenext`. `--no-types` skips that step and keeps the declarations already there
 * (`npm start` needs only the JavaScript).
 *
 * dist/manifest.json records when the build ran and which source files went into it;
 * bin/coupon-kit.js runs dist/ only while none of them has changed since, and the sources through
 * tsx otherwise, so an edit never runs stale code. (A dependency changes only through npm install / ci,
 * which run this build again through prepare.)
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildUi } from './build-ui.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const types = !process.argv.includes('--no-types');
const t0 = performance.now();

const EXTERNAL = [
  '@pact-foundation/*',
  '@pactflow/*',
  '@stoplight/*',
  'fast-check',
  'tsx',
  'fastify-openapi-glue',
  'autocannon',
  'openapi-typescript',
  'esbuild',
];

export const ENTRY_POINTS = ['cli/main.ts', 'mocks/index.ts', 'clients/zupy.ts', 'clients/b2s.ts', 'clients/control.ts'];

const outdir = join(root, 'dist');
for (const entry of listDir(outdir).filter((n) => types || n !== 'types')) {
  rmSync(join(outdir, entry), { recursive: true, force: true });
}
const builtAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outbase: '.',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The mock path's dependencies (Fastify, AJV, commander, …) are bundled: resolving and reading
  // hundreds of CommonJS files at start costs more than the bundle. What is spawned, native, lazily
  // loaded by other commands or only used to generate stays in node_modules.
  external: EXTERNAL,
  banner: { js: "import { createRequire as __couponKitRequire } from 'node:module'; const require = __couponKitRequire(import.meta.url);" },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
// The web console (/__control/ui/): its own browser bundle, served from dist/ui/.
const ui = await buildUi(join(outdir, 'ui'));
if (types) emitDeclarations();
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.startsWith('node_modules/'))
  .sort();
writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify({ builtAt, entryPoints: ENTRY_POINTS, inputs }, null, 1)}\n`);
if (!quiet) {
  console.log(`built dist/ from ${inputs.length} sources${types ? ' with declarations' : ''} in ${Math.round(performance.now() - t0)} ms`);
  const js = ui['console.js'];
  console.log(
    `console dist/ui/: console.js ${js.raw} B (${js.gzip} B gzip), console.css ${ui['console.css'].raw} B, index.html ${ui['index.html'].raw} B`,
  );
}

function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** tsc --emitDeclarationOnly, then `./x.ts` → `./x.js` in relative specifiers (tsc keeps them as written). */
function emitDeclarations() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  rmSync(join(outdir, 'types'), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { cwd: root, stdio: 'inherit' });
  for (const file of readdirSync(join(outdir, 'types'), { recursive: true })) {
    if (!String(file).endsWith('.d.ts')) continue;
    const path = join(outdir, 'types', String(file));
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1$2.js$3');
    if (fixed !== text) writeFileSync(path, fixed);
  }
}
