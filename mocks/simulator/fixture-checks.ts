/**
 * What every provider's fixture check shares: the shape check against the control spec's fixture
 * schema (specs/control.openapi.yaml `ZupyFixtures` / `B2sFixtures`, compiled by AJV on first use,
 * so a plain start with the demo data pays nothing) and the duplicate check. No server is built.
 */
import { schemaProblems } from '../../specs/schemas.ts';

export type FixtureSchema = 'ZupyFixtures' | 'B2sFixtures';

/** At most 20 shape problems of untrusted fixture JSON; none when it fits the schema. */
export const shapeProblems = (schema: FixtureSchema, input: unknown): string[] => schemaProblems('control', schema, input);

/** One problem per repeated value, for each [label, values] in turn: `duplicate <label> '<value>'`. */
export function duplicates(...lists: [label: string, values: string[]][]): string[] {
  const out: string[] = [];
  for (const [label, values] of lists) {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) out.push(`duplicate ${label} '${v}'`);
      seen.add(v);
    }
  }
  return out;
}
