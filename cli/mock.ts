import type { Command } from 'commander';
import { Argument, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PORTS, DEFAULT_TIMEOUTS, DEFECT_ALIASES, DEFECTS, isDefectName, type DefectName } from '../mocks/index.ts';
import { serveAll, type Served } from '../mocks/stack.ts';
import { FLAG_RULES } from './flags.ts';
import { intOption } from './options.ts';
import { API_NAMES, type ApiName } from '../specs/index.ts';

export interface MockOptions {
  engine: 'stateful' | 'prism';
  port?: number;
  host: string;
  validate: boolean;
  seed?: string;
  defect: DefectName[];
  latency: number;
  errorRate: number;
  rateLimit: number;
  controlToken?: string;
  control: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  envelope: boolean;
  headerTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
}

const rate = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
};
const defect = (v: string, prev: DefectName[]) => {
  if (!isDefectName(v)) throw new InvalidArgumentError(`unknown defect '${v}' (known: ${Object.keys(DEFECTS).join(', ')})`);
  return [...prev, v];
};

/** The flags the rules refuse with --engine prism, for the help text. */
const stateOnly = [...new Set((FLAG_RULES.mock ?? []).filter((r) => r.when({ engine: 'prism' }, ['zupy'])).map((r) => r.flag))].join(', ');

const aliasesOf = (defect: string) =>
  Object.entries(DEFECT_ALIASES)
    .filter(([, d]) => d === defect)
    .map(([alias]) => alias);
const defectHelp = Object.entries(DEFECTS)
  .map(
    ([name, what]) =>
      `  ${name.padEnd(26)} ${what}${aliasesOf(name)
        .map((a) => ` (also accepted: ${a})`)
        .join('')}`,
  )
  .join('\n');

export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('Serve local mocks of the coupon APIs: the stateful simulator (default) or Prism.')
    .addArgument(
      new Argument('[api]', `zupy, b2s or all (Zupy on ${DEFAULT_PORTS.zupy}, B2S on ${DEFAULT_PORTS.b2s})`)
        .choices(['zupy', 'b2s', 'all'])
        .default('all'),
    )
    .addOption(new Option('--engine <engine>', 'stateful simulator or stateless Prism').choices(['stateful', 'prism']).default('stateful'))
    .option('--port <n>', 'port (with "all": Zupy on N, B2S on N+10; 0 = any free port)', intOption('--port', 0, 65535))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option(
      '--validate',
      "put `prism proxy` in front of the simulator: a response that breaks the spec is answered 502 with the violations; the control API and the provider's own errors pass through",
      false,
    )
    .option(
      '--seed <file>',
      'fixture JSON to start from instead of the demo data (with "all": {"zupy"?: …, "b2s"?: …}; an API left out serves the demo data)',
    )
    .option('--defect <name>', 'turn on a named defect (repeatable)', defect, [] as DefectName[])
    .option('--latency <ms>', 'add latency to every API response', intOption('--latency', 0, 60_000), 0)
    .option('--error-rate <r>', "answer this share of API requests with the provider's 503", rate, 0)
    .option(
      '--rate-limit <n>',
      'Zupy: enforce N requests/minute per key (default: headers only)',
      intOption('--rate-limit', 0, 1_000_000),
      0,
    )
    .option('--control-token <token>', 'allow remote control API callers that send X-Control-Token')
    .option('--no-control', 'turn the /__control/ API off')
    .option('--no-envelope', 'Zupy: return root objects instead of the {data, meta} envelope')
    .option(
      '--header-timeout <ms>',
      'close a connection whose request headers take longer than this',
      intOption('--header-timeout', 1, 3_600_000),
      DEFAULT_TIMEOUTS.headersMs,
    )
    .option(
      '--request-timeout <ms>',
      'close a connection whose whole request (headers and body) takes longer than this',
      intOption('--request-timeout', 1, 3_600_000),
      DEFAULT_TIMEOUTS.requestMs,
    )
    .option(
      '--keep-alive-timeout <ms>',
      'close a keep-alive connection idle for this long',
      intOption('--keep-alive-timeout', 1, 3_600_000),
      DEFAULT_TIMEOUTS.keepAliveMs,
    )
    .addOption(
      new Option('--log-level <level>', "structured request logs (with --engine prism: Prism's own output)")
        .choices(['silent', 'error', 'warn', 'info', 'debug'])
        .default('silent'),
    )
    .addHelpText(
      'after',
      [
        '',
        'With --engine prism only --port, --host and --log-level apply; these are refused:',
        `  ${stateOnly}`,
        '',
        'Defects (known-bad provider behaviours, the negative controls of the test suites):',
        defectHelp,
        '',
        'Examples:',
        '  coupon-kit mock                       both simulators, demo data',
        '  coupon-kit mock zupy --defect racy-use',
        '  coupon-kit mock b2s --engine prism    stateless, example-driven (Prefer: code=400, example=alreadyUsed)',
        '  coupon-kit mock all --seed seed.json  {"zupy": <Zupy fixtures>, "b2s": <B2S fixtures>}',
      ].join('\n'),
    )
    .action(async (api: 'zupy' | 'b2s' | 'all', opts: MockOptions) => {
      const apis: ApiName[] = api === 'all' ? [...API_NAMES] : [api];
      const running: Served[] = [];
      const shutdown = async (signal: string) => {
        console.log(`\n${signal}: stopping ${running.length} server(s)`);
        await Promise.allSettled(running.map((r) => r.close()));
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      const { notes } = await serveAll({
        apis,
        engine: opts.engine,
        host: opts.host,
        validate: opts.validate,
        prismOutput: opts.logLevel !== 'silent',
        ...(opts.port === undefined ? {} : { port: opts.port }),
        ...(opts.seed === undefined ? {} : { seedFile: opts.seed }),
        defects: opts.defect,
        latencyMs: opts.latency,
        errorRate: opts.errorRate,
        rateLimit: opts.rateLimit,
        envelope: opts.envelope,
        logLevel: opts.logLevel,
        control: opts.control === false ? false : opts.controlToken ? { token: opts.controlToken } : true,
        timeouts: { headersMs: opts.headerTimeout, requestMs: opts.requestTimeout, keepAliveMs: opts.keepAliveTimeout },
        onServed: (served) => {
          running.push(served);
          console.log(served.banner);
          if (opts.engine === 'stateful' && opts.defect.length)
            console.log(`  DEFECTS ON: ${opts.defect.join(', ')} — this is a known-bad provider`);
          console.log('');
        },
      });
      for (const note of notes) console.log(note);
      console.log('Ctrl-C stops the mocks.');
    });
}
