/** The specs are the single source of truth: everything else loads them through here. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Yaml from 'yaml';
import { ROOT } from './root.ts';

/** The YAML parser loads on first use: a simulator that starts from the generated route table never needs it. */
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof Yaml).parse(text);

export const API_NAMES = ['zupy', 'b2s'] as const;
export type ApiName = (typeof API_NAMES)[number];

export function isApiName(value: string): value is ApiName {
  return (API_NAMES as readonly string[]).includes(value);
}

/** Every spec in specs/: the provider APIs and the simulators' control API (served by each simulator for its provider). */
export const SPEC_NAMES = [...API_NAMES, 'control'] as const;
export type SpecName = (typeof SPEC_NAMES)[number];

export function isSpecName(value: string): value is SpecName {
  return (SPEC_NAMES as readonly string[]).includes(value);
}

export function specPath(spec: SpecName): string {
  return join(ROOT, 'specs', `${spec}.openapi.yaml`);
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

export function loadSpec(spec: SpecName): OpenApiDocument {
  return loadSpecFile(specPath(spec));
}
