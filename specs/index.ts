/** The specs are the single source of truth: everything else loads them through here. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const API_NAMES = ['zupy', 'b2s'] as const;
export type ApiName = (typeof API_NAMES)[number];

export function isApiName(value: string): value is ApiName {
  return (API_NAMES as readonly string[]).includes(value);
}

export function specPath(api: ApiName): string {
  return fileURLToPath(new URL(`./${api}.openapi.yaml`, import.meta.url));
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
    doc = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    cache.set(file, doc);
  }
  return structuredClone(doc);
}

export function loadSpec(api: ApiName): OpenApiDocument {
  return loadSpecFile(specPath(api));
}
