/**
 * Generates from each spec `specs/generated/<api>.ts` (openapi-typescript) and
 * `specs/generated/<api>.routes.json` (the simulator's route table, derived by fastify-openapi-glue) and
 * `specs/generated/<api>.validators.cjs` (AJV standalone code of its request validators).
 * `npm run generate` writes them; the drift test compares a fresh generation with the committed files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { deriveRouteTable, generateValidators, routeTablePath, validatorsPath } from '../mocks/simulator/routes.ts';
import { API_NAMES, specPath, type ApiName } from './index.ts';

const HEADER = '/* Generated from specs/%s.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */\n';

export function generatedPath(api: ApiName): string {
  return fileURLToPath(new URL(`./generated/${api}.ts`, import.meta.url));
}

export async function generateTypes(api: ApiName): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath(api)), { alphabetize: false, exportType: false });
  return HEADER.replace('%s', api) + astToString(ast);
}

/** The route table and the standalone validators of its request schemas. */
export async function generateRouting(api: ApiName): Promise<{ table: string; validators: string }> {
  const table = await deriveRouteTable(api);
  return { table: `${JSON.stringify(table, null, 1)}\n`, validators: await generateValidators(api, table) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const api of API_NAMES) {
    writeFileSync(generatedPath(api), await generateTypes(api));
    console.log(`wrote ${generatedPath(api)}`);
    const { table, validators } = await generateRouting(api);
    writeFileSync(routeTablePath(api), table);
    console.log(`wrote ${routeTablePath(api)}`);
    writeFileSync(validatorsPath(api), validators);
    console.log(`wrote ${validatorsPath(api)}`);
  }
}
