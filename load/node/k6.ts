/**
 * Node side of the load tests: find or install the pinned k6 (scripts/k6.sh) and run one of the
 * load/ scripts with its env, returning k6's exit code and the summary JSON the script wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../../specs/root.ts';
import type { SummaryData } from '../lib/summary-data.ts';

export const K6_INSTALLER = join(ROOT, 'scripts/k6.sh');
export const LOCAL_K6 = join(ROOT, '.tools/bin/k6');

export const LOAD_SCRIPTS = ['zupy-validate-race', 'b2s-patch-race', 'pos-mixed'] as const;
export type LoadScript = (typeof LOAD_SCRIPTS)[number];

/** k6's documented exit codes that coupon-kit reports on. */
export const K6_EXIT = { ok: 0, thresholdsFailed: 99, scriptException: 107, setupTimeout: 100, teardownTimeout: 101 } as const;

export class K6MissingError extends Error {
  override name = 'K6MissingError';
}

/** A k6 binary that is already there: K6_BIN, then .tools/bin/k6. Installs nothing. */
export function findK6(): string | undefined {
  const fromEnv = process.env.K6_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return existsSync(LOCAL_K6) ? LOCAL_K6 : undefined;
}

/** The pinned k6, installed by scripts/k6.sh when missing or at another version (takes minutes). */
export async function ensureK6(log: (line: string) => void = () => {}): Promise<string> {
  if (process.env.K6_BIN) {
    if (existsSync(process.env.K6_BIN)) return process.env.K6_BIN;
    throw new K6MissingError(`K6_BIN=${process.env.K6_BIN} does not exist`);
  }
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn('bash', [K6_INSTALLER], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      for (const line of d.toString().split('\n')) if (line.startsWith('k6.sh:')) log(line);
    });
    child.on('error', fail);
    child.on('close', (c) => done({ code: c ?? 1, stdout: out, stderr: err }));
  });
  if (code === 2) throw new K6MissingError(stderr.trim().split('\n').pop() ?? 'Go is missing: k6 cannot be installed');
  const path = stdout.trim().split('\n').pop();
  if (code !== 0 || !path)
    throw new K6MissingError(`scripts/k6.sh failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return path;
}

export interface K6RunOptions {
  k6: string;
  script: LoadScript;
  /** More k6 arguments, e.g. an execution segment. */
  args?: string[];
  /** Script variables, passed as `-e NAME=value`. */
  env: Record<string, string | number | undefined>;
  /** Where the script writes <script>.summary.json, .junit.xml (and .html with `html`). */
  reportDir: string;
  /** Also export k6's web-dashboard HTML report. */
  html?: boolean;
  /** Kill k6 after this long (a hung target must not hang the caller). */
  timeoutMs?: number;
  /** k6's own output, as it comes. */
  onOutput?: (chunk: string) => void;
}

export interface K6RunResult {
  exitCode: number;
  seconds: number;
  stdout: string;
  stderr: string;
  summaryFile: string;
  /** Absent when k6 failed before handleSummary (bad script, setup exception, kill). */
  summary?: SummaryData;
}

export async function runK6(o: K6RunOptions): Promise<K6RunResult> {
  const reportDir = resolve(o.reportDir);
  mkdirSync(reportDir, { recursive: true });
  const summaryFile = join(reportDir, `${o.script}.summary.json`);
  rmSync(summaryFile, { force: true });
  const vars = { ...o.env, REPORT_DIR: reportDir };
  const args = ['run', '--quiet', '--no-color', '--no-usage-report', '--address', ''];
  for (const [k, v] of Object.entries(vars)) if (v !== undefined) args.push('-e', `${k}=${v}`);
  args.push(...(o.args ?? []));
  args.push(join(ROOT, 'load', `${o.script}.ts`));
  const env: NodeJS.ProcessEnv = { ...process.env, K6_NO_USAGE_REPORT: 'true' };
  if (o.html)
    Object.assign(env, {
      K6_WEB_DASHBOARD: 'true',
      K6_WEB_DASHBOARD_PORT: '-1',
      K6_WEB_DASHBOARD_PERIOD: '1s',
      K6_WEB_DASHBOARD_EXPORT: join(reportDir, `${o.script}.html`),
    });
  const started = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(o.k6, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = o.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), o.timeoutMs) : undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      o.onOutput?.(d.toString());
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      o.onOutput?.(d.toString());
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(e);
    });
    child.on('close', (c, signal) => {
      clearTimeout(timer);
      done({ code: c ?? (signal ? 128 + 15 : 1), stdout: out, stderr: err });
    });
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as SummaryData) : undefined;
  return { exitCode: code, seconds, stdout, stderr, summaryFile, summary };
}
