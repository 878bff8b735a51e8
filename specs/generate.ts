/**
 * Generates from each spec `specs/generated/<api>.ts` (openapi-typescript) and
 * `specs/generated/<api>.routes.json` (the simulator's route table, derived by fastify-openapi-glue).
 * `npm run generate` writes them; the drift test compares a fresh generation with the committed files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { deriveRouteTable, routeTablePath } from '../mocks/simulator/routes.ts';
import { API_NAMES, specPath, type ApiName } from './index.ts';

const HEADER = '/* Generated from specs/%s.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */\n';

export function generatedPath(api: ApiName): string {
  return fileURLToPath(new URL(`./generated/${api}.ts`, import.meta.url));
}

export async function generateTypes(api: ApiName): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath(api)), { alphabetize: false, exportType: false });
  return HEADER.replace('%s', api) + astToString(ast);
}

export async function generateRouteTable(api: ApiName): Promise<string> {
  return `${JSON.stringify(await deriveRouteTable(api), null, 1)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const api of API_NAMES) {
    writeFileSync(generatedPath(api), await generateTypes(api));
    console.log(`wrote ${generatedPath(api)}`);
    writeFileSync(routeTablePath(api), await generateRouteTable(api));
    console.log(`wrote ${routeTablePath(api)}`);
  }
}
