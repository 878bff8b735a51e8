import type { AsyncCommand } from 'fast-check';
import { check, effective, listAllCoupons, type ZupyModel, type ZupyReal } from './model.ts';

/** Stats agree with the list (every page) and with the model; status filters are ignored. */
export class StatsCommand implements AsyncCommand<ZupyModel, ZupyReal> {
  check(): boolean {
    return true;
  }

  async run(m: ZupyModel, r: ZupyReal): Promise<void> {
    const [stats, list] = await Promise.all([r.pos.stats(), listAllCoupons(r.pos)]);
    check(stats.ok, 'stats answer 200', stats.ok ? undefined : stats.error);
    const s = stats.data;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    check(sum(s.by_status) === s.total_issued && sum(s.by_origin) === s.total_issued, 'sum(by_status) == sum(by_origin) == total_issued', s);
    const inModel = m.coupons.length + m.untracked.total;
    check(s.total_issued === list.length && s.total_issued === inModel, 'total_issued equals the list and the model', { stats: s.total_issued, list: list.length, model: inModel });
    const usedInModel = m.coupons.filter((c) => effective(c, m.nowMs) === 'used').length + m.untracked.used;
    check(s.used === s.by_status.used && s.used === usedInModel, 'used agrees with by_status and the model', { used: s.used, model: usedInModel });
    check(s.usage_rate === (s.total_issued === 0 ? 0 : Math.round((s.used / s.total_issued) * 10_000) / 100), 'usage_rate = round(used/total×100, 2)', s);
  }

  toString(): string {
    return 'stats()';
  }
}
