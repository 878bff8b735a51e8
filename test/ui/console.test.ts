/**
 * The web console in a real browser (Debian's chromium through playwright-core): live coupons and
 * requests, the clock, defects, fixture upload, a phone-sized viewport and the control token.
 * One browser for the file; a screenshot of every step in reports/ui/. Negative control: against a
 * server whose event stream stays silent, the "within a second" checks fail.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createB2sClient } from '../../clients/b2s.ts';
import { createZupyClient } from '../../clients/zupy.ts';
import { startMock, type RunningMock } from '../../mocks/index.ts';
import { B2S_DEMO } from '../../mocks/demo/b2s.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { buildUi } from '../../scripts/build-ui.mjs';
import { launch, shot, within } from './browser.ts';
import { silentEvents } from './standin.ts';

let browser: Browser;
let context: BrowserContext;
let mock: RunningMock;
/** Chromium missing or not starting: every test fails with this one line (never skipped). */
let noBrowser: Error | undefined;
const t0 = Date.now();

beforeAll(async () => {
  // The console as the current sources build it (dist/ui/ may predate them).
  await buildUi();
  mock = await startMock({ api: 'zupy', port: 0 });
  try {
    browser = await launch();
  } catch (err) {
    noBrowser = err as Error;
    return;
  }
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
beforeEach(() => {
  if (noBrowser) throw noBrowser;
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  console.log(`console browser tests: ${Date.now() - t0} ms with one browser launch`);
});

const zupy = () => createZupyClient({ baseUrl: mock.url, apiKey: DEMO.keyReadWrite });
const ACTIVE = DEMO.coupons.active.code;

/** A fresh start state (demo data, no OTP asked) and the console open on it, connected to the event stream. */
async function openConsole(url = mock.url, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage();
  await page.goto(`${url}/__control/ui/`);
  await within(page.getByRole('status').getByText('live'), 10_000);
  return page;
}
async function freshState() {
  await mock.control.reset();
  await mock.control.otpPolicy({ require_otp_for_redemption: false, require_otp_for_coupon_usage: false });
}
const couponRow = (page: Page, code: string) => page.getByRole('region', { name: 'Coupons' }).getByRole('row', { name: new RegExp(code) });
const requestRows = (page: Page) => page.getByRole('region', { name: 'Requests' }).locator('tbody tr');

// The live checks wait one second, as the console promises; on a machine busy with the rest of the
// suite a test gets one more try (the negative control fails both, its stream never speaks).
describe('web console', { retry: 1 }, () => {
  it('opens on /__control/ui/ with the coupons of the mock, filtered by status and by a part of the code', async () => {
    await freshState();
    const page = await openConsole();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/coupon-kit console\s*zupy/);
    await within(couponRow(page, ACTIVE).getByText('active'), 5000);
    for (const name of ['Coupons', 'Requests', 'Clock', 'Faults', 'Data'])
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    await shot(page, '01-open');
    const coupons = page.getByRole('region', { name: 'Coupons' });
    const statuses = () => coupons.locator('tbody tr td:nth-child(3)').allTextContents();
    const used = (await mock.control.coupons({ status: 'used' })).count;
    expect(used).toBeGreaterThan(0);
    await coupons.getByLabel('Status').selectOption('used');
    await within(coupons.getByText(new RegExp(`^${used} coupons? at`)));
    expect(await statuses()).toEqual(Array<string>(used).fill('used'));
    await coupons.getByLabel('Code').fill('deadbe');
    await within(coupons.getByText(/^0 coupons at/));
    await coupons.getByLabel('Status').selectOption('');
    await within(coupons.getByText(/^1 coupon at/));
    expect(await coupons.locator('tbody th').allTextContents()).toEqual([DEMO.coupons.expired.code]);
    await shot(page, '01-filtered');
    await page.close();
  });

  it('a validate through the provider API turns the row used and shows the request within a second; its bodies open on click', async () => {
    await freshState();
    const page = await openConsole();
    await within(couponRow(page, ACTIVE).getByText('active'), 5000);
    const r = await zupy().validate(DEMO.customers.ana, ACTIVE);
    expect(r.status).toBe(200);
    await within(couponRow(page, ACTIVE).getByText('used'));
    await within(requestRows(page).filter({ hasText: 'validateCoupon' }).filter({ hasText: '200' }));
    expect(await couponRow(page, ACTIVE).textContent()).toContain('0 / 1');
    await requestRows(page).filter({ hasText: 'validateCoupon' }).getByRole('button').click();
    const details = page.getByRole('region', { name: 'Request details' });
    await within(details.getByText('"remaining_usages": 0'));
    expect(await details.textContent()).toMatch(/x-ratelimit-limit/);
    await shot(page, '02-validated');
    await page.close();
  });

  it('advancing the clock by P31D expires a coupon valid for 26 more days', async () => {
    await freshState();
    const page = await openConsole();
    const multi = DEMO.coupons.multiUse.code;
    await within(couponRow(page, multi).getByText('active'), 5000);
    const before = await page.getByRole('region', { name: 'Clock' }).locator('output').textContent();
    await page.getByRole('button', { name: '+P31D' }).click();
    await within(couponRow(page, multi).getByText('expired'));
    const after = await page.getByRole('region', { name: 'Clock' }).locator('output').textContent();
    expect(Date.parse(after ?? '') - Date.parse(before ?? '')).toBeGreaterThanOrEqual(31 * 86_400_000);
    await page.getByLabel('ISO 8601 duration').fill('three days');
    await page.getByRole('button', { name: 'Advance' }).click();
    await within(
      page
        .getByRole('region', { name: 'Clock' })
        .getByRole('alert')
        .getByText(/ISO 8601/),
    );
    await shot(page, '03-clock');
    await page.close();
  });

  it('toggling reuse-succeeds (alias reuse-returns-200) makes the second validate answer 200 in the journal', async () => {
    await freshState();
    const page = await openConsole();
    const toggle = page.getByRole('checkbox', { name: /reuse-succeeds/ });
    await toggle.check();
    await expect.poll(async () => (await mock.control.faults()).defects).toEqual(['reuse-succeeds']);
    const first = await zupy().validate(DEMO.customers.ana, ACTIVE);
    const second = await zupy().validate(DEMO.customers.ana, ACTIVE);
    expect([first.status, second.status]).toEqual([200, 200]);
    const rows = requestRows(page).filter({ hasText: 'validateCoupon' });
    await within(rows.nth(1));
    expect(await rows.count()).toBe(2);
    expect(await rows.locator('td:nth-child(5)').allTextContents()).toEqual(['200', '200']);
    await shot(page, '04-reuse-succeeds');
    await toggle.uncheck();
    await expect.poll(async () => (await mock.control.faults()).defects).toEqual([]);
    // Without the defect the same call is refused again (409): the toggle is what changed the answer.
    expect((await zupy().validate(DEMO.customers.ana, ACTIVE)).status).toBe(409);
    await within(requestRows(page).first().filter({ hasText: '409' }));
    await page.close();
  });

  it('uploading a bad fixtures file shows each problem by field and changes nothing; the downloaded fixtures upload cleanly', async () => {
    await freshState();
    const before = await mock.control.fixtures();
    const page = await openConsole();
    const bad = { companies: [], api_keys: [{ key: 'nope', company_id: 'x', access: 'admin' }], customers: [], rewards: [], coupons: [] };
    await page
      .getByLabel('Fixtures file')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: 'Upload' }).click();
    const problems = page.getByRole('table', { name: 'Fixture problems' });
    await within(problems, 5000);
    await within(problems.getByRole('row', { name: /\/api_keys\/0\/key.*must match pattern/ }));
    await within(problems.getByRole('row', { name: /\/api_keys\/0\/access.*allowed values/ }));
    expect(await mock.control.fixtures()).toEqual(before);
    await shot(page, '05-bad-fixtures');
    // The download is the data loaded now, and seeds back as it is.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download fixtures' }).click()]);
    expect(download.suggestedFilename()).toBe('zupy-fixtures.json');
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text)).toEqual(before);
    await page
      .getByLabel('Fixtures file')
      .setInputFiles({ name: 'zupy-fixtures.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Upload' }).click();
    await within(page.getByRole('region', { name: 'Data' }).getByRole('status').getByText('Loaded zupy-fixtures.json (replace).'), 5000);
    expect(await page.getByRole('table', { name: 'Fixture problems' }).count()).toBe(0);
    await page.close();
  });

  it('works on a 390 px wide viewport: nothing overflows the page, every control can be reached', async () => {
    await freshState();
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await openConsole(mock.url, phone);
      await within(couponRow(page, ACTIVE), 5000);
      expect(await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]')).toEqual(
        [390, 390, 390],
      );
      for (const name of ['+P31D', 'Advance', 'Apply', 'Reset', 'Download fixtures', 'Upload']) {
        const button = page.getByRole('button', { name, exact: true });
        await button.scrollIntoViewIfNeeded();
        const box = await button.boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(390);
      }
      const before = Date.parse((await mock.control.clock()).now);
      await page.getByRole('button', { name: '+P1D', exact: true }).tap();
      // The tap reached the simulator: its clock moved a day on.
      await expect
        .poll(async () => Date.parse((await mock.control.clock()).now) - before, { timeout: 5000 })
        .toBeGreaterThanOrEqual(86_400_000);
      await shot(page, '06-phone');
    } finally {
      await phone.close();
    }
  });

  it('B2S: a PATCH mark-as-used turns the row used and shows the request within a second; no OTP panel', async () => {
    const b2s = await startMock({ api: 'b2s', port: 0 });
    try {
      const page = await openConsole(b2s.url);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/b2s/);
      await within(couponRow(page, 'WELCOME2024').getByText('available'), 5000);
      const r = await createB2sClient({ baseUrl: b2s.url, token: B2S_DEMO.franchiseToken }).markUsed(B2S_DEMO.activeCoupon);
      expect(r.status).toBe(204);
      await within(couponRow(page, 'WELCOME2024').getByText('used'));
      await within(requestRows(page).filter({ hasText: 'markCouponUsed' }).filter({ hasText: '204' }));
      expect(await page.getByRole('heading', { name: 'OTP policy' }).count()).toBe(0);
      await shot(page, '08-b2s');
      await page.close();
    } finally {
      await b2s.close();
    }
  });

  it('asks once for the control token when the API answers 401, then keeps it for the session', async () => {
    const guarded = await startMock({ api: 'zupy', port: 0, control: { token: 'console-secret' } });
    const own = await browser.newContext();
    try {
      const page = await own.newPage();
      await page.goto(`${guarded.url}/__control/ui/`);
      await within(page.getByLabel('Control token'), 5000);
      await shot(page, '07-token');
      await page.getByLabel('Control token').fill('console-secret');
      await page.getByRole('button', { name: 'Use token' }).click();
      await within(couponRow(page, ACTIVE), 5000);
      await within(page.getByRole('status').getByText('live'), 5000);
      await page.reload();
      await within(couponRow(page, ACTIVE), 5000);
      expect(await page.getByLabel('Control token').count()).toBe(0);
    } finally {
      await own.close();
      await guarded.close();
    }
  });

  it('closing a mock with its console open finishes, and the page says it is no longer connected', async () => {
    const other = await startMock({ api: 'zupy', port: 0 });
    const page = await openConsole(other.url);
    await other.close();
    await within(page.getByRole('status').getByText('not connected'), 5000);
    await page.close();
  });

  it('negative control: when the event stream sends nothing, the "within a second" checks fail', async () => {
    await freshState();
    const proxy = await silentEvents(mock.url);
    try {
      const page = await openConsole(proxy.url);
      await within(couponRow(page, ACTIVE).getByText('active'), 5000);
      expect((await zupy().validate(DEMO.customers.ana, ACTIVE)).status).toBe(200);
      await expect(within(couponRow(page, ACTIVE).getByText('used'))).rejects.toThrow(/Timeout 1000ms exceeded/);
      await expect(within(requestRows(page).filter({ hasText: 'validateCoupon' }))).rejects.toThrow(/Timeout 1000ms exceeded/);
      await page.close();
    } finally {
      await proxy.close();
    }
  });
});
