/**
 * The JUnit XML writer of every report: one suite, one test case per check (a k6 threshold, a pact
 * interaction, a property phase). k6 runs this file too (in handleSummary), so it imports nothing;
 * the CLI writes the string to a file.
 */
export interface JUnitCase {
  name: string;
  classname: string;
  /** The case's own time; none for a check that has no time of its own (a k6 threshold). */
  seconds?: number;
  failure?: string;
  /** Not judged (e.g. a contract interaction whose provider state could not be set up), with the reason. */
  skipped?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `seconds` is the suite's time (default: the sum of its cases'). */
export function junitXml(suite: string, cases: JUnitCase[], seconds = cases.reduce((a, c) => a + (c.seconds ?? 0), 0)): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.failure === undefined && c.skipped !== undefined).length;
  const inner = (c: JUnitCase) =>
    c.failure !== undefined
      ? `\n      <failure message="${esc(c.failure.split('\n')[0] ?? '')}">${esc(c.failure)}</failure>\n    `
      : c.skipped !== undefined
        ? `\n      <skipped message="${esc(c.skipped)}"/>\n    `
        : '';
  const time = seconds.toFixed(3);
  const body = cases
    .map(
      (c) =>
        `    <testcase classname="${esc(c.classname)}" name="${esc(c.name)}"${c.seconds === undefined ? '' : ` time="${c.seconds.toFixed(3)}"`}>${inner(c)}</testcase>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time}">\n  <testsuite name="${esc(suite)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time}">\n${body}\n  </testsuite>\n</testsuites>\n`;
}
