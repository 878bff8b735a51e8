// Preloaded by `npm test` (node --import): vitest picks its colours while it loads, before its config,
// and turns them on when CI is set. The rule is cli/color.ts's plainOutput(): no colour when stdout is
// not a terminal, when CI is set (other than "false" / "0"), or when NO_COLOR is set.
const env = process.env;
const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
if (!process.stdout.isTTY || ci || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}
