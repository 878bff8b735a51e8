/** Checks pact files against the OpenAPI spec with @pactflow/openapi-pact-comparator. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSpec, type ApiName } from '../../specs/index.ts';

// The package's type declarations use extension-less ESM re-exports that NodeNext cannot follow,
// so its (stable, documented) Comparator API is typed here.
interface ComparatorApi {
  compare(pact: unknown): AsyncIterable<unknown>;
}
const { Comparator } = createRequire(import.meta.url)('@pactflow/openapi-pact-comparator') as { Comparator: new (oas: unknown) => ComparatorApi };

export interface CrosscheckFinding {
  code: string;
  type: string;
  message: string;
  interaction?: string;
}

export async function crosscheck(api: ApiName, pactFile: string): Promise<CrosscheckFinding[]> {
  const comparator = new Comparator(loadSpec(api));
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as unknown;
  const findings: CrosscheckFinding[] = [];
  for await (const r of comparator.compare(pact)) {
    const x = r as { code: string; type: string; message: string; mockDetails?: { interactionDescription?: string } };
    findings.push({ code: x.code, type: x.type, message: x.message, ...(x.mockDetails?.interactionDescription ? { interaction: x.mockDetails.interactionDescription } : {}) });
  }
  return findings;
}
