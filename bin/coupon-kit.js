#!/usr/bin/env node
// The `coupon-kit` command. It runs the dist/ build (scripts/build.mjs) while that build is current,
// and the TypeScript sources through tsx otherwise (no build yet, or a source edited since), so it
// never runs stale code. COUPON_KIT_FROM_SOURCE=1 forces the sources.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function currentBuild() {
  if (process.env.COUPON_KIT_FROM_SOURCE === '1') return undefined;
  try {
    const manifest = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8'));
    for (const file of manifest.inputs) {
      if (statSync(new URL(file, root)).mtimeMs > manifest.builtAt) return undefined;
    }
    return new URL('dist/cli/main.js', root);
  } catch {
    return undefined;
  }
}

const build = currentBuild();
if (build) {
  await import(build.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
