// 账目核对: an owner runs the check and reads that the books agree; when the last check found drift, every page
// shows a red banner linking to the page that lists it (the drift is answered by the test: through HTTP the books
// cannot be made to disagree); an auditor reads the page but has no button to run the check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, logIn, startSuite, stopSuite, withPage } from '../lib/harness.js';

const RUN = Date.now().toString(36);
const PASSWORD = 'e2e-password-1234';

let backend;
let browser;
let url;
let admin;

before(async () => {
  ({ backend, url, browser, admin } = await startSuite());
});

after(() => stopSuite({ backend, browser }));

describe('books check', () => {
  it('an owner runs the check: the books agree and no page shows a banner', async () => {
    await withPage(browser, url, '40-integrity', async (page) => {
      await logIn(page);
      await page.click('a[href="#/integrity"]');
      await page.getByRole('heading', { name: '账目核对', exact: true }).waitFor();
      await page.locator('[data-run-integrity]').click();
      await page.getByRole('status').filter({ hasText: '核对完成' }).waitFor();
      await page.locator('[data-books-agree]').waitFor();
      assert.match(await page.locator('[data-checked-at]').textContent(), /积分账户 \d+/);
      await page.click('a[href="#/members"]');
      await page.getByRole('heading', { name: '会员', exact: true }).waitFor();
      assert.equal(await page.locator('[data-drift-banner]').count(), 0);
    });
  });

  it('with drift in the last check, every page shows the red banner, which leads to the drift', async () => {
    const report = {
      checkedAt: new Date().toISOString(), accounts: 12, checked: { points: 5, wallets: 4, couponTemplates: 2, rebates: 1 },
      driftCount: 2,
      drift: [
        { kind: 'POINTS_BALANCE', id: 7, expected: 40, actual: 41, what: "member 7's points balance is 41, its ledger sums to 40" },
        { kind: 'COUPON_TAKEN', id: 3, expected: 10, actual: 11, what: 'coupon template 3 counts 11 taken, 10 of its coupons are issued and not revoked' },
      ],
    };
    await withPage(browser, url, '41-integrity-drift', async (page) => {
      await page.route('**/api/admin/integrity', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(report) }));
      await logIn(page);
      const banner = page.locator('[data-drift-banner]');
      await banner.waitFor();
      assert.match(await banner.textContent(), /账目核对发现 2 处不一致/);
      await page.click('a[href="#/coupons"]');
      await page.getByRole('heading', { name: '优惠券', exact: true }).waitFor();
      await banner.waitFor();
      await banner.getByRole('link').click();
      await page.getByRole('heading', { name: '账目核对', exact: true }).waitFor();
      const rows = page.locator('table[data-drift] tbody tr');
      await rows.first().waitFor();
      assert.equal(await rows.count(), 2);
      assert.match(await page.locator('tr[data-drift-kind=POINTS_BALANCE]').textContent(), /积分余额.*#7.*40.*41/);
      assert.match(await page.locator('tr[data-drift-kind=COUPON_TAKEN]').textContent(), /券库存/);
    });
  });

  it('an auditor reads the books check but cannot run it', async () => {
    const username = `books-auditor-${RUN}`;
    await call(url, 'POST', '/api/admin/operators', { username, password: PASSWORD, role: 'AUDITOR' }, admin);
    await call(url, 'POST', '/api/admin/jobs/integrity-check/run', undefined, admin);
    await withPage(browser, url, '42-integrity-auditor', async (page) => {
      await logIn(page, { username, password: PASSWORD });
      await page.click('a[href="#/integrity"]');
      await page.locator('[data-checked-at]').waitFor();
      assert.equal(await page.locator('[data-run-integrity]').count(), 0, 'no run button');
    });
  });
});
