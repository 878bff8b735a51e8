/**
 * The package root (the folder of coupon-kit's package.json). Every file path is taken from it,
 * so the same code finds the specs whether it runs from the sources or from the dist/ build.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'coupon-kit') return dir;
    } catch {
      // no package.json here, or not ours: look further up
    }
    if (dirname(dir) === dir) throw new Error(`coupon-kit: no package.json of coupon-kit above ${from}`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
