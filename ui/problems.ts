/** Fixture problems as the control API lists them, split into the field and the problem for the Data panel. */

/** `/coupons/0/status must be boolean` or `/coupons/0: unknown client_id 'x'` → field and problem; others have no field. */
export function splitProblem(problem: string): { field: string; message: string } {
  const m = /^(\/\S*?|\(root\)):?\s+(.*)$/s.exec(problem);
  return m ? { field: m[1]!, message: m[2]! } : { field: '–', message: problem };
}
