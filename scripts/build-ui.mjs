/**
 * Bundles the web console (ui/) into one directory: index.html, console.js (Preact + htm and the
 * typed control client, minified) and console.css. No CDN: the page works offline. Used by
 * scripts/build.mjs (into dist/ui/) and by the browser tests (so they test the current sources).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds the console into `outdir`; returns the size of each file, raw and gzipped, in bytes.
 * Each file is written beside its place and renamed into it, so a server reading the directory
 * meanwhile sees the old file or the new one, never half of one.
 */
export async function buildUi(outdir = join(root, 'dist', 'ui')) {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { console: 'ui/main.ts' },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const files = {
    'index.html': readFileSync(join(root, 'ui', 'index.html')),
    'console.js': Buffer.from(result.outputFiles[0].contents),
    'console.css': readFileSync(join(root, 'ui', 'console.css')),
  };
  const sizes = {};
  for (const [name, body] of Object.entries(files)) {
    const tmp = join(outdir, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, body);
    renameSync(tmp, join(outdir, name));
    sizes[name] = { raw: body.length, gzip: gzipSync(body).length };
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildUi(process.argv[2]);
  for (const [name, s] of Object.entries(sizes))
    console.log(`${name.padEnd(12)} ${String(s.raw).padStart(7)} B raw ${String(s.gzip).padStart(7)} B gzip`);
}
