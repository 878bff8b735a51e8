/**
 * The format check of `npm run lint` (`prettier --check .`) with the repository's own settings:
 * formatted code passes, and a line over the width or double quotes fail (the negative control).
 */
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const filepath = join(process.cwd(), 'cli', 'example.ts');

async function formatted(source: string): Promise<boolean> {
  const options = await prettier.resolveConfig(filepath);
  expect(options).toMatchObject({ printWidth: 140, singleQuote: true });
  return prettier.check(source, { ...options, filepath });
}

describe('format check', () => {
  it('passes code in the repository style', async () => {
    expect(await formatted("export const greeting = 'ok';\n")).toBe(true);
  });

  it('fails a line over 140 characters and double quotes (negative control)', async () => {
    const long = `export const list = [${Array.from({ length: 40 }, (_, i) => `'item${i}'`).join(', ')}];\n`;
    expect(await formatted(long)).toBe(false);
    expect(await formatted('export const greeting = "ok";\n')).toBe(false);
  });

  it('leaves generated files, recorded results and prose to what writes them', async () => {
    for (const file of ['specs/generated/zupy.ts', 'bench/results/x.json', 'README.md', 'specs/zupy.openapi.yaml']) {
      expect((await prettier.getFileInfo(join(process.cwd(), file), { ignorePath: join(process.cwd(), '.prettierignore') })).ignored).toBe(
        true,
      );
    }
  });
});
