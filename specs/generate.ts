/**
 * Generates `specs/generated/<api>.ts` from each spec with openapi-typescript.
 * `npm run generate` writes them; the drift test compares a fresh generation with the committed files.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { API_NAMES, specPath, type ApiName } from './index.ts';

const HEADER = '/* Generated from specs/%s.openapi.yaml by `npm run generate` (openapi-typescript). Do not edit. */\n';

export function generatedPath(api: ApiName): string {
  return fileURLToPath(new URL(`./generated/${api}.ts`, import.meta.url));
}

export async function generateTypes(api: ApiName): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath(api)), { alphabetize: false, exportType: false });
  return HEADER.replace('%s', api) + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const api of API_NAMES) {
    writeFileSync(generatedPath(api), await generateTypes(api));
    console.log(`wrote ${generatedPath(api)}`);
  }
}
