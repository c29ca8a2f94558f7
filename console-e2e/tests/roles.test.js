// Operators' roles in the console: an owner's 操作员 page, an auditor who only reads, a store manager who
// sees their own store, a disabled operator sent back to login, and the change-password dialog.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, call, callFailing, logIn, startSuite, stopSuite, withPage } from '../lib/harness.js';

const RUN = Date.now().toString(36);
const PASSWORD = 'e2e-password-1234';

let backend;
let browser;
let url;
let admin; // the admin's API token
let store; // the store the store manager manages
const accounts = {}; // made by the first test: auditor, manager

before(async () => {
  ({ backend, url, browser, admin } = await startSuite());
  store = await call(url, 'POST', '/api/admin/stores', { name: `角色测试店 ${RUN}` }, admin);
});

after(() => stopSuite({ backend, browser }));

/** An operator made through the API, with a unique username. */
async function operator(role, name) {
  const username = `${name}-${RUN}`;
  const created = await call(url, 'POST', '/api/admin/operators', { username, password: PASSWORD, role }, admin);
  return { ...created, password: PASSWORD };
}

/** The sidebar's links, as their #/paths. */
const menu = (page) => page.locator('.sidebar a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('operator roles', () => {
  it('an owner creates an auditor and a store manager on the 操作员 page, and sees a taken username refused', async () => {
    await withPage(browser, url, '20-operators-create', async (page) => {
      await logIn(page);
      assert.equal(await page.locator('[data-me] [data-role-name]').textContent(), '所有者');
      await page.click('a[href="#/operators"]');
      await page.getByRole('heading', { name: '操作员', exact: true }).waitFor();
      const form = page.locator('form[data-form=create-operator]');

      await form.locator('input[name=username]').fill(`auditor-${RUN}`);
      await form.locator('input[name=password]').fill('too-short');
      await form.getByRole('button', { name: '创建操作员' }).click();
      await form.locator('[data-field=password] .field-error').waitFor(); // 12 characters at least
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.locator('select[name=role]').selectOption('AUDITOR');
      assert.equal(await form.locator('select[name=storeId]').count(), 0, 'only a store manager has a store');
      await form.getByRole('button', { name: '创建操作员' }).click();
      await page.locator(`tr[data-operator="auditor-${RUN}"]`, { hasText: '审计' }).waitFor();

      await form.locator('input[name=username]').fill(`manager-${RUN}`);
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.locator('select[name=role]').selectOption('STORE_MANAGER');
      page.expectFailure(400, '/api/admin/operators');
      await form.getByRole('button', { name: '创建操作员' }).click();
      await form.locator('[data-field=storeId] .field-error').waitFor(); // a store manager needs a store
      await form.locator('select[name=storeId]').selectOption(String(store.id));
      await form.getByRole('button', { name: '创建操作员' }).click();
      await page.locator(`tr[data-operator="manager-${RUN}"]`, { hasText: store.name }).waitFor();

      await form.locator('input[name=username]').fill(`auditor-${RUN}`);
      await form.locator('input[name=password]').fill(PASSWORD);
      page.expectFailure(409, '/api/admin/operators');
      await form.getByRole('button', { name: '创建操作员' }).click();
      await form.locator('.state.error', { hasText: 'USERNAME_TAKEN' }).waitFor();
    });
    const { items } = await call(url, 'GET', '/api/admin/operators?size=100', undefined, admin);
    accounts.auditor = { username: `auditor-${RUN}`, password: PASSWORD };
    accounts.manager = { username: `manager-${RUN}`, password: PASSWORD };
    assert.equal(items.find((o) => o.username === accounts.auditor.username)?.role, 'AUDITOR');
    assert.equal(items.find((o) => o.username === accounts.manager.username)?.storeId, store.id);
  });

  it('an auditor reads every page, the audit log included, but has no write buttons; a write through the API is 403', async () => {
    await withPage(browser, url, '21-auditor', async (page) => {
      await logIn(page, accounts.auditor);
      assert.equal(await page.locator('[data-me] [data-role-name]').textContent(), '审计');
      const links = await menu(page);
      assert.ok(links.includes('#/audit') && links.includes('#/rules') && links.includes('#/activity'));
      assert.ok(!links.includes('#/operators'), 'no operators page');

      await page.click('a[href="#/audit"]');
      await page.locator('table tbody tr', { hasText: 'ADMIN' }).first().waitFor();

      await page.click('a[href="#/rules"]');
      const rule = page.locator('form[data-form=sign-in-rule]');
      await rule.locator('input[name=basePoints]').waitFor();
      assert.equal(await rule.locator('input[name=basePoints]').isDisabled(), true, 'the rule is shown read-only');
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      assert.equal(await page.locator('main button[type=submit]').count(), 0, 'no save buttons');
      assert.equal(await page.locator('form[data-form=level], form[data-form=wallet-plan], button[data-plan]').count(), 0);

      await page.click('a[href="#/coupons"]');
      await page.getByRole('heading', { name: '优惠券模板' }).waitFor();
      assert.equal(await page.getByRole('button', { name: '新建优惠券' }).count(), 0);
      await page.click('a[href="#/campaigns"]');
      await page.locator('[data-campaigns]').waitFor();
      assert.equal(await page.getByRole('button', { name: '新建发放' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: '新建活动' }).count(), 0);
      await page.click('a[href="#/rebates"]');
      await page.getByRole('heading', { name: '返点', exact: true }).waitFor();
      assert.equal(await page.locator('form[data-form=settle]').count(), 0);
      await page.click('a[href="#/stores"]');
      await page.getByRole('heading', { name: '门店与店员', exact: true }).waitFor();
      assert.equal(await page.locator('form[data-form=store], form[data-form=staff]').count(), 0);

      await page.goto(`${url}/admin/#/operators`);
      await page.locator('[data-not-available]', { hasText: '不对你的角色开放' }).waitFor();
      assert.equal(await page.locator('.state.error').count(), 0);

      const token = await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token'));
      const refused = await callFailing(url, 'PUT', '/api/admin/points-rule', { pointsPerYuan: 1, expiryDays: 365 }, token);
      assert.equal(refused.status, 403);
      assert.equal(refused.problem.code, 'FORBIDDEN');
    });
  });

  it('says plainly when the server refuses a change because the role changed meanwhile', async () => {
    const demoted = await operator('OPERATOR', 'demoted');
    await withPage(browser, url, '22-forbidden-message', async (page) => {
      await logIn(page, demoted);
      assert.equal(await page.locator('[data-me] [data-role-name]').textContent(), '运营');
      await page.click('a[href="#/rules"]');
      const form = page.locator('form[data-form=points-rule]');
      await form.getByRole('button', { name: '保存积分规则' }).waitFor();
      await call(url, 'PUT', `/api/admin/operators/${demoted.id}`, { role: 'AUDITOR', storeId: null, enabled: true }, admin);
      page.expectFailure(403, '/api/admin/points-rule');
      await form.getByRole('button', { name: '保存积分规则' }).click();
      await form.locator('.state.error', { hasText: '你的角色没有权限' }).waitFor();
      assert.match(await form.locator('.state.error').textContent(), /FORBIDDEN/);
    });
  });

  it("a store manager sees members, their store's staff and activity only, with the store filter fixed", async () => {
    // a purchase at the store: a member bound as its staff rings up a customer, then refunds part of it
    const staffLogin = await call(url, 'POST', '/api/app/auth/login', { code: `staff-${RUN}`, nickname: `店员 ${RUN}` });
    await call(url, 'POST', '/api/admin/staff', { memberId: staffLogin.member.id, storeId: store.id }, admin);
    const customer = await call(url, 'POST', '/api/app/auth/login', { code: `customer-${RUN}`, nickname: `顾客 ${RUN}` });
    const { code } = await call(url, 'GET', '/api/app/member-code', undefined, customer.token);
    const orderNo = `R${RUN}`;
    await call(url, 'POST', '/api/staff/purchases', { memberCode: code, orderNo, amountCents: 123456 }, staffLogin.token);
    await call(url, 'POST', `/api/staff/purchases/${orderNo}/refund`, { amountCents: 2345 }, staffLogin.token);

    await withPage(browser, url, '23-store-manager', async (page) => {
      await logIn(page, accounts.manager);
      assert.equal(await page.locator('[data-me] [data-role-name]').textContent(), '店长');
      assert.match(await page.locator('[data-me]').textContent(), new RegExp(store.name));
      assert.deepEqual(await menu(page), ['#/members', '#/stores', '#/activity']);
      await page.getByRole('heading', { name: '会员', exact: true }).waitFor(); // where a store manager starts

      await page.click('a[href="#/activity"]');
      await page.getByRole('heading', { name: '门店流水' }).waitFor();
      const storeSelect = page.locator('form[data-form=activity-filter] select[name=storeId]');
      assert.equal(await storeSelect.isDisabled(), true);
      assert.equal(await storeSelect.inputValue(), String(store.id));
      const row = page.locator(`tr[data-purchase="${orderNo}"]`);
      await row.waitFor();
      assert.match(await row.textContent(), /¥1,234\.56/);
      assert.equal((await row.locator('[data-cell=refunded]').textContent()).trim(), '¥23.45');
      await page.click('button[data-tab=wallet]');
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      await page.click('button[data-tab=coupons]');
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      assert.equal(await page.locator('.state.error').count(), 0);

      await page.click('a[href="#/stores"]');
      await page.locator(`tr[data-staff="${staffLogin.member.id}"]`).waitFor();
      const staffFilter = page.locator('select[name=storeFilter]');
      assert.equal(await staffFilter.isDisabled(), true);
      await staffFilter.locator(`option[value="${store.id}"]`).waitFor({ state: 'attached' });
      assert.equal(await staffFilter.inputValue(), String(store.id));
      assert.equal(await page.locator('form[data-form=store]').count(), 0, 'no opening of stores');
      assert.equal(await page.locator('form[data-form=staff]').count(), 1, 'binds staff of their store');

      await page.click('a[href="#/members"]');
      await page.fill('input[name=q]', `顾客 ${RUN}`);
      await page.getByRole('button', { name: '搜索' }).click();
      await page.locator(`tr[data-member-id="${customer.member.id}"]`).click();
      await page.locator('[data-points-balance]').waitFor();
      assert.equal(await page.locator('form[data-form=adjust-points]').count(), 0);

      for (const hash of ['#/dashboard', '#/rules', '#/audit', '#/operators']) {
        await page.goto(`${url}/admin/${hash}`);
        await page.locator('[data-not-available]').waitFor();
      }
    });
  });

  it('an owner disables an operator on the 操作员 page, and that operator is sent back to login on their next request', async () => {
    const username = `leaver-${RUN}`;
    await withPage(browser, url, '24-operator-owner', async (owner) => {
      await logIn(owner);
      await owner.click('a[href="#/operators"]');
      const form = owner.locator('form[data-form=create-operator]');
      await form.locator('input[name=username]').fill(username);
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.locator('select[name=role]').selectOption('OPERATOR');
      await form.getByRole('button', { name: '创建操作员' }).click();
      const row = owner.locator(`tr[data-operator="${username}"]`);
      await row.waitFor();

      await withPage(browser, url, '24-operator-disabled', async (page) => {
        await logIn(page, { username, password: PASSWORD });
        await page.getByRole('heading', { name: '数据概览' }).waitFor();

        await row.getByRole('button', { name: '编辑' }).click();
        const editor = owner.locator('form[data-form=edit-operator]');
        await editor.locator('input[name=enabled]').uncheck();
        await editor.getByRole('button', { name: '保存' }).click();
        await owner.locator('[role=dialog]').getByRole('button', { name: '停用' }).click();
        await owner.locator(`tr[data-operator="${username}"][data-enabled=false]`, { hasText: '已停用' }).waitFor();

        page.expectFailure(401, '/api/admin/');
        await page.click('a[href="#/members"]');
        await page.locator('[data-login-message]', { hasText: '请重新登录' }).waitFor();
        assert.equal(await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token')), null);
      });
    });
  });

  it('the change-password dialog checks its fields and keeps the session with the new token', async () => {
    const me = await operator('OPERATOR', 'changer');
    const newPassword = 'a-new-password-5678';
    await withPage(browser, url, '25-change-password', async (page) => {
      await logIn(page, me);
      const oldToken = await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token'));
      await page.click('[data-change-password]');
      const dialog = page.locator('form[data-form=own-password]');
      await dialog.locator('input[name=oldPassword]').fill('not-my-password');
      await dialog.locator('input[name=newPassword]').fill(newPassword);
      await dialog.locator('input[name=repeat]').fill('something-else-entirely');
      await dialog.getByRole('button', { name: '修改密码' }).click();
      await dialog.locator('[data-field=repeat] .field-error').waitFor();

      await dialog.locator('input[name=repeat]').fill(newPassword);
      page.expectFailure(400, '/api/admin/me/password');
      await dialog.getByRole('button', { name: '修改密码' }).click();
      await dialog.locator('[data-field=oldPassword] .field-error').waitFor();

      await dialog.locator('input[name=oldPassword]').fill(PASSWORD);
      await dialog.getByRole('button', { name: '修改密码' }).click();
      await page.getByText('密码已修改').waitFor();
      await dialog.waitFor({ state: 'detached' });
      const newToken = await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token'));
      assert.notEqual(newToken, oldToken);

      await page.click('a[href="#/members"]');
      await page.getByRole('heading', { name: '会员', exact: true }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      assert.equal(await page.locator('.state.error').count(), 0);
      assert.equal(await page.locator('form.login-card').count(), 0, 'still logged in');

      assert.equal((await callFailing(url, 'GET', '/api/admin/me', undefined, oldToken)).status, 401);
      assert.equal((await call(url, 'GET', '/api/admin/me', undefined, newToken)).username, me.username);
      await call(url, 'POST', '/api/admin/auth/login', { username: me.username, password: newPassword });
    });
  });
});
