import { Command } from 'commander';
import { registerRace } from '../../cli/race.ts';
const program = new Command().name('coupon-kit');
registerRace(program);
try { await program.parseAsync(process.argv); } catch (err) { console.error(`coupon-kit: ${(err as Error).message}`); process.exitCode = 1; }
