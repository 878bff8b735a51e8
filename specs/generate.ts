/**
 * Generates from each spec (the provider APIs and the control API) `specs/generated/<spec>.ts`
 * (openapi-typescript) and `specs/generated/<spec>.routes.json` (the simulator's route table, derived
 * by fastify-openapi-glue) and `specs/generated/<spec>.validators.cjs` (AJV standalone code of its
 * request validators).
 * `npm run generate` writes them; the drift test compares a fresh generation with the committed files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { SPEC_NAMES, specPath, type SpecName } from './index.ts';
import { deriveRouteTable, generateValidators, routeTablePath, validatorsPath } from './routes.ts';

const HEADER = '/* Generated from specs/%s.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */\n';

export function generatedPath(spec: SpecName): string {
  return fileURLToPath(new URL(`./generated/${spec}.ts`, import.meta.url));
}

export async function generateTypes(spec: SpecName): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath(spec)), { alphabetize: false, exportType: false });
  return HEADER.replace('%s', spec) + astToString(ast);
}

/** The route table and the standalone validators of its request schemas. */
export async function generateRouting(spec: SpecName): Promise<{ table: string; validators: string }> {
  const table = await deriveRouteTable(spec);
  return { table: `${JSON.stringify(table, null, 1)}\n`, validators: await generateValidators(spec, table) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const spec of SPEC_NAMES) {
    writeFileSync(generatedPath(spec), await generateTypes(spec));
    console.log(`wrote ${generatedPath(spec)}`);
    const { table, validators } = await generateRouting(spec);
    writeFileSync(routeTablePath(spec), table);
    console.log(`wrote ${routeTablePath(spec)}`);
    writeFileSync(validatorsPath(spec), validators);
    console.log(`wrote ${validatorsPath(spec)}`);
  }
}
