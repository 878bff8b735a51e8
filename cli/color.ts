/**
 * Colour only on a terminal (https://no-color.org): plain text when stdout is not a TTY, when `CI` is
 * set, or when `NO_COLOR` is set. Applying it sets NO_COLOR=1, which Pact's native core, k6, Prism and
 * every child process read, so no ANSI code reaches a log file, a pipe or a CI job.
 */
export function plainOutput(env: NodeJS.ProcessEnv = process.env, isTTY: boolean = process.stdout.isTTY === true): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return !isTTY || ci || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/** Turns colour off for this process and its children when plainOutput() says so; returns whether it did. */
export function applyColourPolicy(env: NodeJS.ProcessEnv = process.env, isTTY: boolean = process.stdout.isTTY === true): boolean {
  if (!plainOutput(env, isTTY)) return false;
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
  return true;
}

const ESC = '\u001b';
// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks), as terminals read them.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const ANSI_AT_START = new RegExp(`^(?:${ANSI.source})`);

/** A filter for a stream of text in chunks: drops ANSI sequences, also one split across two chunks. */
export function ansiStripper(): { push(chunk: string): string; end(): string } {
  let held = '';
  return {
    push(chunk) {
      const text = held + chunk;
      const cut = text.lastIndexOf(ESC);
      // An escape near the end may be a sequence whose rest is in the next chunk: hold it back.
      held = cut >= 0 && cut > text.length - 64 && !ANSI_AT_START.test(text.slice(cut)) ? text.slice(cut) : '';
      return (held ? text.slice(0, cut) : text).replace(ANSI, '');
    },
    end() {
      // The stream ended inside a sequence: drop the escape and its parameters, keep any text.
      // eslint-disable-next-line no-control-regex
      const rest = held.replace(ANSI, '').replace(/^\u001b(?:\[[0-?]*[ -/]*)?/, '');
      held = '';
      return rest;
    },
  };
}

/**
 * Pact's native verifier colours its report whatever NO_COLOR says, and writes it straight to this
 * process's stdout. When plain output is wanted, the command runs again in a child process whose
 * stdout and stderr pass through ansiStripper(); this resolves to the child's exit code. It resolves
 * to undefined in the child itself, and when colour is fine (a terminal): then the caller does the work.
 */
export async function rerunWithoutAnsi(): Promise<number | undefined> {
  if (process.env.COUPON_KIT_PLAIN_CHILD === '1' || !plainOutput()) return undefined;
  const { spawn } = await import('node:child_process');
  const { constants } = await import('node:os');
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, NO_COLOR: '1', COUPON_KIT_PLAIN_CHILD: '1' },
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const pipe = (from: NodeJS.ReadableStream, to: NodeJS.WritableStream) => {
    const strip = ansiStripper();
    from.setEncoding('utf8');
    from.on('data', (chunk: string) => to.write(strip.push(chunk)));
    return new Promise<void>((resolve) => from.on('end', () => resolve(void to.write(strip.end()))));
  };
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt).on('SIGTERM', onTerm);
  const [code] = await Promise.all([
    new Promise<number>((resolve) => child.on('close', (c, signal) => resolve(c ?? 128 + (signal ? constants.signals[signal] : 0)))),
    pipe(child.stdout, process.stdout),
    pipe(child.stderr, process.stderr),
  ]);
  process.off('SIGINT', onInt).off('SIGTERM', onTerm);
  return code;
}
