// The 网络钩子 page: an owner sees a loopback URL refused, creates a webhook, finds a points change in its
// delivery log and deletes it; an auditor reads webhooks and their deliveries but has no write buttons.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, callFailing, logIn, startSuite, stopSuite, withPage } from '../lib/harness.js';

const RUN = Date.now().toString(36);
const PASSWORD = 'e2e-password-1234';
// a public address (TEST-NET-3): allowed, and nothing answers there, so its deliveries stay PENDING
const HOOK_URL = `https://203.0.113.10/e2e-${RUN}`;

let backend;
let browser;
let url;
let admin;

before(async () => {
  ({ backend, url, browser, admin } = await startSuite());
});

after(() => stopSuite({ backend, browser }));

describe('webhooks', () => {
  it('an owner is refused a loopback URL, creates a webhook, sees a points change in its log and deletes it', async () => {
    const member = (await call(url, 'POST', '/api/app/auth/login', { code: `wh-${RUN}`, nickname: `钩子 ${RUN}` })).member;
    await withPage(browser, url, '30-webhooks', async (page) => {
      await logIn(page);
      await page.click('a[href="#/webhooks"]');
      await page.getByRole('heading', { name: '网络钩子', exact: true }).waitFor();
      const form = page.locator('form[data-form=webhook]');

      page.expectFailure(400, '/api/admin/webhooks');
      await form.locator('input[name=url]').fill('https://127.0.0.1/hook');
      await form.locator('input[name=secret]').fill('an-e2e-secret-of-the-receiver');
      await form.getByRole('button', { name: '创建网络钩子' }).click();
      await form.locator('[data-field=url] .field-error').waitFor();

      await form.locator('input[name=url]').fill(HOOK_URL);
      await form.locator('input[name=secret]').fill('an-e2e-secret-of-the-receiver');
      await form.locator('input[name=events][value="wallet.changed"]').check();
      await form.getByRole('button', { name: '创建网络钩子' }).click();
      const row = page.locator('tr[data-webhook]', { hasText: HOOK_URL });
      await row.waitFor();
      assert.match(await row.textContent(), /积分变动、储值变动/);

      await call(url, 'POST', `/api/admin/members/${member.id}/points-adjustments`, { delta: 5, reason: `钩子 ${RUN}` }, admin);
      await row.locator('button[data-action=deliveries]').click();
      const delivery = page.locator('[data-deliveries] tr[data-delivery]', { hasText: '积分变动' });
      await delivery.first().waitFor();
      assert.equal(await delivery.count(), 1);

      await row.locator('button[data-action=delete]').click();
      await page.locator('[data-confirm]').click();
      await page.getByRole('status').filter({ hasText: '网络钩子已删除' }).waitFor();
      await row.waitFor({ state: 'detached' });
      assert.equal(await page.locator('[data-deliveries]').count(), 0);
    });
  });

  it('an auditor reads webhooks and deliveries but has no create form, no delete and no retry; a write is 403', async () => {
    const username = `wh-auditor-${RUN}`;
    await call(url, 'POST', '/api/admin/operators', { username, password: PASSWORD, role: 'AUDITOR' }, admin);
    const hook = await call(url, 'POST', '/api/admin/webhooks',
      { url: `${HOOK_URL}/audited`, events: ['coupon.changed'], secret: 'an-e2e-secret-of-the-receiver' }, admin);
    try {
      await withPage(browser, url, '31-webhooks-auditor', async (page) => {
        await logIn(page, { username, password: PASSWORD });
        await page.click('a[href="#/webhooks"]');
        const row = page.locator('tr[data-webhook]', { hasText: `${HOOK_URL}/audited` });
        await row.waitFor();
        assert.equal(await page.locator('form[data-form=webhook]').count(), 0, 'no create form');
        assert.equal(await page.locator('button[data-action=delete]').count(), 0, 'no delete buttons');
        await row.locator('button[data-action=deliveries]').click();
        await page.locator(`[data-deliveries="${hook.id}"]`).waitFor();
        await page.waitForFunction(() => !document.querySelector('.state.loading'));
        assert.equal(await page.locator('[data-deliveries] button', { hasText: '重试' }).count(), 0);

        const token = await page.evaluate(() => sessionStorage.getItem('loyalty.admin.token'));
        const refused = await callFailing(url, 'DELETE', `/api/admin/webhooks/${hook.id}`, undefined, token);
        assert.equal(refused.status, 403);
      });
    } finally {
      await call(url, 'DELETE', `/api/admin/webhooks/${hook.id}`, undefined, admin);
    }
  });
});
