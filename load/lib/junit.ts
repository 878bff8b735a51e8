/** A minimal JUnit XML writer for CI systems (one suite, one case per check). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface JUnitCase {
  name: string;
  classname: string;
  seconds: number;
  failure?: string;
  /** Not judged (e.g. a contract interaction whose provider state could not be set up), with the reason. */
  skipped?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junitXml(suite: string, cases: JUnitCase[]): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.failure === undefined && c.skipped !== undefined).length;
  const inner = (c: JUnitCase) =>
    c.failure !== undefined ? `\n      <failure message="${esc(c.failure.split('\n')[0] ?? '')}">${esc(c.failure)}</failure>\n    `
      : c.skipped !== undefined ? `\n      <skipped message="${esc(c.skipped)}"/>\n    ` : '';
  const time = cases.reduce((a, c) => a + c.seconds, 0).toFixed(3);
  const body = cases
    .map((c) => `    <testcase classname="${esc(c.classname)}" name="${esc(c.name)}" time="${c.seconds.toFixed(3)}">${inner(c)}</testcase>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time}">\n  <testsuite name="${esc(suite)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time}">\n${body}\n  </testsuite>\n</testsuites>\n`;
}

export function writeJUnit(file: string, suite: string, cases: JUnitCase[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, junitXml(suite, cases));
}
