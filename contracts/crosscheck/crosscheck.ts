/**
 * Checks pact files against the OpenAPI spec with @pactflow/openapi-pact-comparator: every request
 * the consumer makes must be one the spec accepts, and every response it expects one the spec allows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSpec, type ApiName } from '../../specs/index.ts';
import { plainText } from '../index.ts';

/** The comparator's result (its `Result` type; codes such as `response.body.incompatible`). */
interface ComparatorResult {
  code: string;
  type: 'error' | 'warning';
  message: string;
  mockDetails?: { interactionDescription?: string | null; location?: string };
  specDetails?: { location?: string };
}
interface ComparatorApi {
  compare(pact: unknown): AsyncIterable<ComparatorResult>;
}
// The package's type declarations use `#…` subpath re-exports that NodeNext cannot follow, so its
// (stable, documented) Comparator API is typed here and the CommonJS build is loaded.
const { Comparator } = createRequire(import.meta.url)('@pactflow/openapi-pact-comparator') as {
  Comparator: new (oas: unknown) => ComparatorApi;
};

export interface CrosscheckFinding {
  code: string;
  type: 'error' | 'warning';
  message: string;
  interaction?: string;
  /** Where in the pact, e.g. `[root].interactions[0].response.body.data[0].id`. */
  location?: string;
}

export async function crosscheck(api: ApiName, pactFile: string): Promise<CrosscheckFinding[]> {
  const comparator = new Comparator(loadSpec(api));
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as unknown;
  const findings: CrosscheckFinding[] = [];
  for await (const r of comparator.compare(pact)) {
    findings.push({
      code: r.code,
      type: r.type,
      message: plainText(r.message),
      ...(r.mockDetails?.interactionDescription ? { interaction: r.mockDetails.interactionDescription } : {}),
      ...(r.mockDetails?.location ? { location: r.mockDetails.location } : {}),
    });
  }
  return findings;
}

export interface InteractionCheck {
  /** The interaction's description; '' for findings about the pact as a whole. */
  interaction: string;
  errors: CrosscheckFinding[];
  warnings: CrosscheckFinding[];
}

/** Findings grouped per interaction of the pact (every interaction listed, clean ones too), for reports. */
export function byInteraction(pactFile: string, findings: CrosscheckFinding[]): InteractionCheck[] {
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as { interactions?: { description?: string }[] };
  const names = [...new Set([...(pact.interactions ?? []).map((i) => i.description ?? ''), ...findings.map((f) => f.interaction ?? '')])];
  return names
    .map((interaction) => {
      const mine = findings.filter((f) => (f.interaction ?? '') === interaction);
      return { interaction, errors: mine.filter((f) => f.type === 'error'), warnings: mine.filter((f) => f.type === 'warning') };
    })
    .filter((c) => c.interaction !== '' || c.errors.length + c.warnings.length > 0);
}
