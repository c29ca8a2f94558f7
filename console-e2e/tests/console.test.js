// The operator's walk through the console, in headless Chromium against the built backend.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { ADMIN, call, logIn, startSuite, stopSuite, withPage } from '../lib/harness.js';

const DAILY_HEADER = 'date,signIns,pointsIssued,pointsRedeemed,pointsExpired,couponsIssued,couponsUsed,walletTopUpCents,walletPaidCents';
const RUN = Date.now().toString(36);

let backend;
let browser;
let url;

before(async () => {
  ({ backend, url, browser } = await startSuite());
});

after(() => stopSuite({ backend, browser }));

describe('operator console', () => {
  it('logs in with the admin account, and says so when the password is wrong', async () => {
    await withPage(browser, url, '01-login', async (page) => {
      await page.goto(`${url}/admin/`);
      await page.waitForSelector('form.login-card');
      await page.fill('input[name=username]', 'admin');
      await page.fill('input[name=password]', 'not-the-password');
      page.expectFailure(401, '/api/admin/auth/login');
      await page.click('button[type=submit]');
      await page.getByText('用户名或密码不正确').waitFor();
      await page.fill('input[name=password]', 'dev-only-admin');
      await page.click('button[type=submit]');
      await page.getByRole('heading', { name: '数据概览' }).waitFor();
      assert.ok(await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token')), 'the token is in sessionStorage');
    });
  });

  it('formats integer cents as yuan in the browser', async () => {
    await withPage(browser, url, '02-money-format', async (page) => {
      await page.goto(`${url}/admin/`);
      const shown = await page.evaluate(async () => {
        const { formatCents, parseYuan } = await import('./js/format.js');
        return {
          big: formatCents(123456), small: formatCents(5), zero: formatCents(0), negative: formatCents(-100000001),
          huge: formatCents('900719925474099199'), parsed: parseYuan('1,234.5'), bad: parseYuan('1.234'),
          misplacedComma: parseYuan('9,90'),
        };
      });
      assert.deepEqual(shown, {
        big: '¥1,234.56', small: '¥0.05', zero: '¥0.00', negative: '-¥1,000,000.01',
        huge: '¥9,007,199,254,740,991.99', parsed: 123450, bad: null, misplacedComma: null,
      });
    });
  });

  it('changes the sign-in rule and shows a bad value beside its field', async (t) => {
    const { token } = await call(url, 'POST', '/api/admin/auth/login', ADMIN);
    const rule = await call(url, 'GET', '/api/admin/sign-in-rule', undefined, token);
    t.after(() => call(url, 'PUT', '/api/admin/sign-in-rule', rule, token));
    await withPage(browser, url, '03-sign-in-rule', async (page) => {
      await logIn(page);
      await page.click('a[href="#/rules"]');
      const form = page.locator('form[data-form=sign-in-rule]');
      await form.locator('input[name=basePoints]').fill('7');
      await form.getByRole('button', { name: '保存签到规则' }).click();
      await page.getByText('签到规则已保存').waitFor();
      await form.locator('[data-preview] span').first().getByText('7').waitFor();

      await form.locator('input[name=cycleDays]').fill('0');
      page.expectFailure(400, '/api/admin/sign-in-rule');
      await form.getByRole('button', { name: '保存签到规则' }).click();
      const error = form.locator('[data-field=cycleDays] .field-error');
      await error.waitFor();
      assert.match(await error.textContent(), /\S/);

      await form.locator('input[name=cycleDays]').fill('7');
      await form.locator('input[name=basePoints]').fill('1.5');
      page.expectFailure(400, '/api/admin/sign-in-rule');
      await form.getByRole('button', { name: '保存签到规则' }).click();
      await form.locator('[data-field=basePoints] .field-error').waitFor();
    });
  });

  it('switches a top-up plan off after a confirmation', async () => {
    const { token } = await call(url, 'POST', '/api/admin/auth/login', ADMIN);
    const plan = await call(url, 'POST', '/api/admin/wallet-plans', { name: `充100送10 ${RUN}`, payCents: 10000, bonusCents: 1000 }, token);
    await withPage(browser, url, '04-wallet-plan-off', async (page) => {
      await logIn(page);
      await page.click('a[href="#/rules"]');
      const row = page.locator('tr', { hasText: plan.name });
      await row.locator(`button[data-plan="${plan.id}"]`).click();
      await page.locator('[role=dialog]').getByRole('button', { name: '停用' }).click();
      await row.getByRole('button', { name: '启用' }).waitFor();
      const plans = await call(url, 'GET', '/api/admin/wallet-plans', undefined, token);
      assert.equal(plans.find((p) => p.id === plan.id).enabled, false);
    });
  });

  it('creates a coupon template', async () => {
    const name = `满100减10 ${RUN}`;
    await withPage(browser, url, '04-coupon-template', async (page) => {
      await logIn(page);
      await page.click('a[href="#/coupons"]');
      await page.getByRole('button', { name: '新建优惠券' }).click();
      const form = page.locator('form[data-form=coupon-template]');
      await form.locator('input[name=name]').fill(name);
      await form.locator('select[name=type]').selectOption('CASH');
      await form.locator('input[name=threshold]').fill('100');
      await form.locator('input[name=discount]').fill('10');
      await form.locator('input[name=pointsPrice]').fill('500');
      await form.locator('input[name=totalStock]').fill('200');
      await form.locator('input[name=validDays]').fill('30');
      await form.getByRole('button', { name: '保存' }).click();
      const row = page.locator('tr', { hasText: name });
      await row.waitFor();
      assert.match(await row.textContent(), /200/);
    });
  });

  it('finds a member who signed in, adjusts their points and shows the new ledger row', async () => {
    const nickname = `e2e-${RUN}`;
    const login = await call(url, 'POST', '/api/app/auth/login', { code: nickname, nickname });
    await call(url, 'POST', '/api/app/sign-ins', undefined, login.token);
    await withPage(browser, url, '05-member-adjust', async (page) => {
      await logIn(page);
      await page.click('a[href="#/members"]');
      await page.fill('input[name=q]', nickname);
      await page.getByRole('button', { name: '搜索' }).click();
      await page.locator(`tr[data-member-id="${login.member.id}"]`).click();
      await page.getByRole('heading', { name: nickname }).waitFor();
      const before = Number((await page.locator('[data-points-balance]').textContent()).replace(/,/g, ''));

      const form = page.locator('form[data-form=adjust-points]');
      await form.locator('input[name=delta]').fill('50');
      await form.getByRole('button', { name: '调整' }).click();
      await form.locator('[data-field=reason] .field-error').waitFor(); // the reason is required
      await form.locator('input[name=reason]').fill('补偿：门店活动');
      await form.getByRole('button', { name: '调整' }).click();
      await page.locator('[role=dialog]').getByRole('button', { name: '确认调整' }).click();

      const row = page.locator('tr[data-ledger-row]', { hasText: '补偿：门店活动' });
      await row.waitFor();
      assert.match(await row.textContent(), /\+50/);
      await page.locator('[data-points-balance]', { hasText: String(before + 50) }).waitFor();
    });
  });

  it('draws the daily charts on the dashboard', async () => {
    await withPage(browser, url, '06-dashboard', async (page) => {
      await logIn(page);
      await page.locator('[data-overview]').waitFor();
      const canvas = page.locator('canvas#chart-sign-ins');
      await canvas.waitFor();
      assert.ok(Number(await canvas.getAttribute('data-points')) > 0, 'the chart has data points');
      const inked = await canvas.evaluate((c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
        return n;
      });
      assert.ok(inked > 500, `the chart is drawn (${inked} pixels)`);
    });
  });

  it('downloads the daily rows as CSV', async () => {
    await withPage(browser, url, '07-dashboard-csv', async (page) => {
      await logIn(page);
      await page.locator('[data-overview]').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-csv]')]);
      const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
      assert.equal(lines[0], DAILY_HEADER);
      const today = await page.locator('input[name=to]').inputValue();
      const row = lines.find((l) => l.startsWith(`${today},`));
      assert.ok(row, `a row for ${today}`);
      assert.ok(Number(row.split(',')[1]) >= 1, 'today has the sign-in made above');
    });
  });

  it('starts a grant of points to a listed member and creates a campaign', async () => {
    const nickname = `grant-${RUN}`;
    const login = await call(url, 'POST', '/api/app/auth/login', { code: nickname, nickname });
    const name = `新人礼 ${RUN}`;
    await withPage(browser, url, '10-campaigns', async (page) => {
      await logIn(page);
      await page.click('a[href="#/campaigns"]');
      await page.getByRole('heading', { name: '营销活动', exact: true }).waitFor();

      await page.getByRole('button', { name: '新建发放' }).click();
      const grant = page.locator('form[data-form=grant]');
      await grant.locator('input[name=points]').fill('20');
      await grant.locator('input[name=reason]').fill(`补偿 ${RUN}`);
      await grant.locator('select[name=kind]').selectOption('MEMBERS');
      await grant.locator('textarea[name=memberIds]').fill(String(login.member.id));
      await grant.getByRole('button', { name: '开始发放' }).click();
      await grant.waitFor({ state: 'detached' });
      // the grant runs in the background: the list refreshes until it is DONE
      const row = page.locator('tr[data-grant-id][data-status=DONE]', { hasText: `补偿 ${RUN}` });
      await row.waitFor({ timeout: 15000 });
      assert.equal((await row.locator('[data-cell=issued]').textContent()).trim(), '1');

      await page.getByRole('button', { name: '新建活动' }).click();
      const form = page.locator('form[data-form=campaign]');
      await form.locator('input[name=name]').fill(name);
      await form.locator('select[name=trigger]').selectOption('JOINED');
      await form.locator('input[name=points]').fill('100');
      await form.locator('input[name=budget]').fill('500');
      await form.locator('input[name=holdoutPercent]').fill('10');
      await form.getByRole('button', { name: '保存' }).click();
      const campaign = page.locator('tr[data-campaign-id]', { hasText: name });
      await campaign.waitFor();
      assert.match(await campaign.textContent(), /新会员注册/);
      await campaign.getByRole('button', { name: '效果' }).click();
      await page.locator('[data-campaign-report] table[data-groups]').waitFor();
    });
  });

  it('opens every page at tablet width with its data or an empty state', async () => {
    const pages = [['#/dashboard', '数据概览'], ['#/members', '会员'], ['#/rules', '规则'], ['#/coupons', '优惠券'],
      ['#/campaigns', '营销活动'], ['#/stores', '门店与店员'], ['#/activity', '门店流水'], ['#/rebates', '返点'], ['#/notifications', '消息通知'], ['#/webhooks', '网络钩子'], ['#/audit', '操作日志'],
      ['#/integrity', '账目核对'], ['#/operators', '操作员']];
    await withPage(browser, url, '09-tablet-menu', async (page) => {
      await logIn(page);
      for (const [hash, title] of pages) {
        await page.click('.menu-toggle');
        await page.click(`.sidebar a[href="${hash}"]`);
        await page.getByRole('heading', { name: title, exact: true }).waitFor();
        await page.waitForFunction(() => !document.querySelector('.state.loading'), null, { timeout: 10000 });
        assert.equal(await page.locator('.state.error').count(), 0, `${title} shows no error`);
        await page.shoot(`09-tablet-${hash.slice(2)}`);
      }
      await page.click('.menu-toggle');
    }, { width: 768, height: 1024 });
  });

  it('logs out, and says so when the login has expired', async () => {
    await withPage(browser, url, '08-logout', async (page) => {
      await logIn(page);
      await page.click('[data-logout]');
      await page.waitForSelector('form.login-card');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token')), null);

      await logIn(page);
      await page.evaluate(() => sessionStorage.setItem('loyalty.admin.expiresAt', '2000-01-01T00:00:00Z'));
      await page.reload();
      await page.locator('[data-login-message]', { hasText: '登录已过期' }).waitFor();
    });
  });
});
