import { check, effective, type ZupyModel, type ZupyReal } from './model.ts';

/**
 * After every command, from the stats endpoint (Part D 9, decision Z-21): the counts add up, and
 * the number issued and the number used equal the model's. A refused validate or redeem must have
 * changed nothing; a successful one must show.
 */
export async function zupyGlobalInvariants(m: Readonly<ZupyModel>, r: ZupyReal): Promise<void> {
  const stats = await r.pos.stats();
  check(stats.ok, 'stats answer 200', stats.ok ? undefined : { status: stats.status, error: stats.error });
  const s = stats.data;
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  check(sum(s.by_status) === s.total_issued && sum(s.by_origin) === s.total_issued, 'sum(by_status) == sum(by_origin) == total_issued', s);
  const issued = m.coupons.length + m.untracked.total;
  check(s.total_issued === issued, 'total_issued equals the model (global invariant, after every command)', {
    stats: s.total_issued,
    model: issued,
  });
  const used = m.coupons.filter((c) => effective(c, m.nowMs) === 'used').length + m.untracked.used;
  check(
    s.used === s.by_status.used && s.used === used,
    'used agrees with by_status and the model (global invariant, after every command)',
    { used: s.used, by_status: s.by_status.used, model: used },
  );
  check(
    s.usage_rate === (s.total_issued === 0 ? 0 : Math.round((s.used / s.total_issued) * 10_000) / 100),
    'usage_rate = round(used/total×100, 2)',
    s,
  );
}
