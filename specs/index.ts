/** The specs are the single source of truth: everything else loads them through here. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';

/**
 * The package root (the folder of coupon-kit's package.json). Every file path is taken from it,
 * so the same code finds the specs whether it runs from the sources or from the dist/ build.
 */
export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

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

/** The YAML parser loads on first use: a simulator that starts from the generated route table never needs it. */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text);

export const API_NAMES = ['zupy', 'b2s'] as const;
export type ApiName = (typeof API_NAMES)[number];

export function isApiName(value: string): value is ApiName {
  return (API_NAMES as readonly string[]).includes(value);
}

export function specPath(api: ApiName): string {
  return join(ROOT, 'specs', `${api}.openapi.yaml`);
}

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

const cache = new Map<string, OpenApiDocument>();

/** Parses a spec file once; callers get a deep copy so no one mutates the shared document. */
export function loadSpecFile(file: string): OpenApiDocument {
  let doc = cache.get(file);
  if (!doc) {
    doc = parseYaml(readFileSync(file, 'utf8')) as OpenApiDocument;
    cache.set(file, doc);
  }
  return structuredClone(doc);
}

export function loadSpec(api: ApiName): OpenApiDocument {
  return loadSpecFile(specPath(api));
}
