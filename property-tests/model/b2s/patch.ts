import { record, recordCrossOwner } from '../power.ts';
import { check, patchable, SetupError, type B2sModel, type B2sReal } from './model.ts';
import { CouponCommand } from '../coupon-command.ts';

/** PATCH mark-as-used, by the franchise token or by a token scoped to one company. */
export class PatchCommand extends CouponCommand<B2sModel, B2sReal> {
  constructor(
    index: number,
    readonly scoped: boolean,
    readonly calls: number,
  ) {
    super(index);
  }

  async run(m: B2sModel, r: B2sReal): Promise<void> {
    const c = this.couponOf(m);
    const client = this.scoped ? r.scoped : r.api;
    if (!client) throw new SetupError('a scoped PATCH needs a token scoped to one company');
    const results = await Promise.all(Array.from({ length: this.calls }, () => client.markUsed(c.id)));
    record(r.tally, 'patch', this.calls, results.filter((x) => x.status === 204).length);
    if (this.scoped && c.companyId !== r.scopedCompany) {
      recordCrossOwner(r.tally, this.calls);
      check(
        results.every((x) => x.status === 404),
        "a scoped token cannot reach another company's coupon",
        results.map((x) => x.status),
      );
      return;
    }
    const wins = results.filter((x) => x.status === 204).length;
    const allowed = patchable(c, m.nowMs);
    check(
      wins === (allowed ? 1 : 0),
      `exactly ${allowed ? 'one' : 'no'} 204 for ${c.id}`,
      results.map((x) => x.status),
    );
    const expected = c.used || allowed ? 'Coupon already used' : 'Coupon expired';
    for (const x of results)
      if (!x.ok)
        check(x.status === 400 && 'message' in x.error && x.error.message === expected, `the other PATCHes get 400 "${expected}"`, x.error);
    if (allowed) c.used = true;
  }

  toString(): string {
    return `patch(#${this.index}${this.scoped ? ', scoped token' : ''}, ×${this.calls})`;
  }
}
