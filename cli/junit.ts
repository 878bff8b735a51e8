/** Writes a JUnit XML report (load/lib/junit.ts) to a file, creating its folder. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { junitXml, type JUnitCase } from '../load/lib/junit.ts';

export type { JUnitCase } from '../load/lib/junit.ts';

export function writeJUnit(file: string, suite: string, cases: JUnitCase[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, junitXml(suite, cases));
}
