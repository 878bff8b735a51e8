/** What every provider's fixture check shares: the shape check (AJV) and the duplicate check. */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let ajv: Ajv | undefined;

/**
 * Compiles a fixture schema on first use (the built-in demo data is never checked, so a plain
 * start pays nothing); the returned check lists at most 20 shape problems.
 */
export function shapeChecker(schema: object): (input: unknown) => string[] {
  let validate: ReturnType<Ajv['compile']> | undefined;
  return (input) => {
    ajv ??= addFormats(new Ajv({ allErrors: true, strict: false }));
    validate ??= ajv.compile(schema);
    return validate(input) ? [] : (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  };
}

/** One problem per repeated value: `duplicate <label> '<value>'`. */
export function duplicates(label: string, values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (seen.has(v)) out.push(`duplicate ${label} '${v}'`);
    seen.add(v);
  }
  return out;
}
