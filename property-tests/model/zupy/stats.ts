import type { AsyncCommand } from 'fast-check';
import { check, listAllCoupons, type ZupyModel, type ZupyReal } from './model.ts';

/** Stats agree with the list (every page); a status filter is ignored (Z-21). The counts against the model are global invariants. */
export class StatsCommand implements AsyncCommand<ZupyModel, ZupyReal> {
  check(): boolean {
    return true;
  }

  async run(_m: ZupyModel, r: ZupyReal): Promise<void> {
    const [stats, filtered, list] = await Promise.all([r.pos.stats(), r.pos.stats({ status: 'used' } as never), listAllCoupons(r.pos)]);
    check(stats.ok && filtered.ok, 'stats answer 200', stats.ok ? (filtered.ok ? undefined : filtered.error) : stats.error);
    check(stats.data.total_issued === list.length, 'total_issued equals the number of coupons listed', {
      stats: stats.data.total_issued,
      list: list.length,
    });
    check(JSON.stringify(filtered.data) === JSON.stringify(stats.data), 'stats ignore a status filter', {
      plain: stats.data,
      filtered: filtered.data,
    });
  }

  toString(): string {
    return 'stats()';
  }
}
