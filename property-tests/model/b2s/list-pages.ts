import type { AsyncCommand } from 'fast-check';
import { WHOLE_RANGE, type ListCouponsQuery } from '../../../clients/b2s.ts';
import { check, type B2sModel, type B2sReal } from './model.ts';

const STATUSES = [undefined, 'Used', 'Não Utilizado', 'Expired', 'Vencendo'] as const;

/** Pages are disjoint, their union is the filtered set, `total` does not depend on paging; used flags match the model. */
export class ListPagesCommand implements AsyncCommand<B2sModel, B2sReal> {
  constructor(
    readonly limit: number,
    readonly status: number,
    readonly desc: boolean,
    readonly premiado: boolean,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: B2sModel, r: B2sReal): Promise<void> {
    const coupon_status = STATUSES[this.status % STATUSES.length];
    const q: ListCouponsQuery = {
      ...WHOLE_RANGE,
      limit: this.limit,
      offset: 1,
      order_column: 'created_at',
      order_type: this.desc ? 'DESC' : 'ASC',
      module: this.premiado ? 'premiado' : 'falae',
      ...(coupon_status ? { coupon_status } : {}),
    };
    const all = await r.api.listCoupons({ ...q, limit: 100 });
    check(all.ok, 'list answers 200', all.ok ? undefined : all.error);
    const ids: string[] = [];
    let total: number | undefined;
    for (let page = 1; page <= 101 && this.limit > 0; page++) {
      const res = await r.api.listCoupons({ ...q, offset: page });
      check(res.ok, 'page answers 200');
      total ??= res.data.total;
      check(res.data.total === total && res.data.total === all.data.total, 'total is independent of paging', {
        total,
        got: res.data.total,
      });
      ids.push(...res.data.coupons.map((c) => c.id));
      if (res.data.coupons.length < this.limit) break;
    }
    if (this.limit > 0 && all.data.total <= 100) {
      check(new Set(ids).size === ids.length, 'pages are disjoint', ids);
      check(JSON.stringify(ids) === JSON.stringify(all.data.coupons.map((c) => c.id)), 'the union of the pages is the filtered set');
    }
    for (const c of all.data.coupons) {
      const mc = m.coupons.find((x) => x.id === c.id);
      if (mc) check(c.status === mc.used, `status of ${c.id} matches the model`, { got: c.status, want: mc.used });
    }
  }

  toString(): string {
    return `listPages(limit ${this.limit}, status #${this.status}, ${this.desc ? 'DESC' : 'ASC'}, ${this.premiado ? 'premiado' : 'falae'})`;
  }
}
