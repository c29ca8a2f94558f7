// A member's rights on the member page: an operator exports their data, cashes out their wallet and
// reopens it, deletes an account (refused while the wallet holds money), finds deleted members only with
// 显示已注销; an auditor may export but sees no button that would change the member.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { call, logIn, startSuite, stopSuite, withPage } from '../lib/harness.js';

const RUN = Date.now().toString(36);
const PASSWORD = 'e2e-password-1234';

let backend;
let browser;
let url;
let admin; // the admin's API token
let staff; // a member bound as staff of a store: takes cash top-ups at the counter
let plan; // a top-up plan with a bonus, so a cash-out forfeits some
const accounts = {}; // operator, auditor

before(async () => {
  ({ backend, url, browser, admin } = await startSuite());
  for (const role of ['OPERATOR', 'AUDITOR']) {
    const username = `rights-${role.toLowerCase()}-${RUN}`;
    await call(url, 'POST', '/api/admin/operators', { username, password: PASSWORD, role }, admin);
    accounts[role] = { username, password: PASSWORD };
  }
  const store = await call(url, 'POST', '/api/admin/stores', { name: `权益测试店 ${RUN}` }, admin);
  staff = await call(url, 'POST', '/api/app/auth/login', { code: `rights-staff-${RUN}`, nickname: `店员 ${RUN}` });
  await call(url, 'POST', '/api/admin/staff', { memberId: staff.member.id, storeId: store.id }, admin);
  // an amount no other plan has, so only this plan's bonus applies
  plan = await call(url, 'POST', '/api/admin/wallet-plans', { name: `权益测试 ${RUN}`, payCents: 12345, bonusCents: 655 }, admin);
});

after(() => stopSuite({ backend, browser }));

/** A new member with a cash top-up of the plan's price at the counter: ¥123.45 principal, ¥6.55 bonus. */
async function memberWithCash(name) {
  const nickname = `${name}-${RUN}`;
  const login = await call(url, 'POST', '/api/app/auth/login', { code: nickname, nickname });
  const { code } = await call(url, 'GET', '/api/app/member-code', undefined, login.token);
  await call(url, 'POST', '/api/staff/wallet/top-ups',
    { memberCode: code, orderNo: `R${RUN}${name}`, amountCents: plan.payCents, planId: plan.id }, staff.token);
  return { id: login.member.id, nickname, token: login.token };
}

async function openMember(page, id) {
  await page.goto(`${url}/admin/#/members/${id}`);
  await page.locator('.member-summary h2').waitFor();
  await page.waitForFunction(() => !document.querySelector('.state.loading'));
}

const actions = (page) => page.locator('[data-member-actions]');
const dialog = (page) => page.locator('[role=dialog]');

describe('member rights', () => {
  let saver; // cashed out and reopened
  let leaver; // deleted

  it('an operator exports a member: the downloaded JSON holds their wallet ledger', async () => {
    saver = await memberWithCash('saver');
    await withPage(browser, url, '40-member-export', async (page) => {
      await logIn(page, accounts.OPERATOR);
      await openMember(page, saver.id);
      const [download] = await Promise.all([page.waitForEvent('download'), actions(page).getByRole('button', { name: '导出数据' }).click()]);
      assert.equal(download.suggestedFilename(), `member-${saver.id}-export.json`);
      const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(doc.profile.nickname, saver.nickname);
      const topUp = doc.wallet.ledger.find((l) => l.type === 'TOP_UP');
      assert.ok(topUp, 'the export holds the top-up');
      assert.equal(topUp.principalDeltaCents, 12345);
      assert.equal(topUp.bonusDeltaCents, 655);
      assert.equal(doc.wallet.balance.balanceCents, 13000);
    });
  });

  it('an operator cashes out a wallet topped up in cash after a confirm, then reopens it', async () => {
    await withPage(browser, url, '41-member-cash-out', async (page) => {
      await logIn(page, accounts.OPERATOR);
      await openMember(page, saver.id);
      await page.locator('[data-wallet-balance]', { hasText: '¥130.00' }).waitFor();

      await actions(page).getByRole('button', { name: '储值退款' }).click();
      const text = await dialog(page).textContent();
      assert.match(text, /本金 ¥123\.45/);
      assert.match(text, /赠送金 ¥6\.55 作废/);
      assert.match(text, /关闭/);
      await dialog(page).getByRole('button', { name: '确认退款' }).click();

      const result = page.locator('[data-cash-out-result]');
      await result.waitFor();
      assert.equal(await result.locator('[data-cash-cents]').textContent(), '¥123.45', 'no WeChat Pay top-up: all in cash');
      assert.equal(await result.locator('[data-refund]').count(), 0);
      assert.match(await result.textContent(), /作废赠送金 ¥6\.55/);
      await page.locator('[data-wallet-balance]', { hasText: '¥0.00' }).waitFor();
      await page.locator('[data-wallet-closed]', { hasText: '已关闭' }).waitFor();
      assert.equal(await actions(page).getByRole('button', { name: '储值退款' }).count(), 0);

      await page.getByRole('tab', { name: '储值明细' }).click();
      await page.locator('.tab-body tr', { hasText: '储值退款' }).waitFor();
      await page.locator('.tab-body tr', { hasText: '赠送金作废' }).waitFor();

      await actions(page).getByRole('button', { name: '重新开通储值' }).click();
      await dialog(page).getByRole('button', { name: '重新开通' }).click();
      await actions(page).getByRole('button', { name: '储值退款' }).waitFor();
      assert.equal(await page.locator('[data-wallet-closed]').count(), 0);
    });
    const wallet = await call(url, 'GET', '/api/app/wallet', undefined, saver.token);
    assert.deepEqual(wallet, { balanceCents: 0, principalCents: 0, bonusCents: 0, closed: false });
  });

  it('an operator deletes an account only after the wallet is cashed out, typing the member id to confirm', async () => {
    leaver = await memberWithCash('leaver');
    await withPage(browser, url, '42-member-delete', async (page) => {
      await logIn(page, accounts.OPERATOR);
      await openMember(page, leaver.id);

      await actions(page).getByRole('button', { name: '注销会员' }).click();
      const confirm = dialog(page).getByRole('button', { name: '注销会员' });
      assert.equal(await confirm.isDisabled(), true, 'nothing typed yet');
      await dialog(page).locator('input[name=confirm-text]').fill(String(leaver.id + 1));
      assert.equal(await confirm.isDisabled(), true, 'another id');
      await dialog(page).locator('input[name=confirm-text]').fill(String(leaver.id));
      page.expectFailure(409, `/api/admin/members/${leaver.id}`);
      await confirm.click();
      await actions(page).locator('.state.error', { hasText: '请先办理储值退款' }).waitFor();
      await actions(page).locator('.state.error', { hasText: 'WALLET_NOT_EMPTY' }).waitFor();
      assert.equal(await page.locator('[data-member-deleted]').count(), 0);

      await actions(page).getByRole('button', { name: '储值退款' }).click();
      await dialog(page).getByRole('button', { name: '确认退款' }).click();
      await page.locator('[data-wallet-closed]').waitFor();

      await actions(page).getByRole('button', { name: '注销会员' }).click();
      await dialog(page).locator('input[name=confirm-text]').fill(String(leaver.id));
      await dialog(page).getByRole('button', { name: '注销会员' }).click();
      await page.locator('[data-member-deleted]', { hasText: '已注销' }).waitFor();
      assert.equal(await actions(page).getByRole('button', { name: '注销会员' }).count(), 0);
      assert.equal(await actions(page).getByRole('button', { name: '储值退款' }).count(), 0);
      assert.equal(await actions(page).getByRole('button', { name: '重新开通储值' }).count(), 0);
      assert.equal(await page.locator('form[data-form=adjust-points]').count(), 0);
    });
    const detail = await call(url, 'GET', `/api/admin/members/${leaver.id}`, undefined, admin);
    assert.equal(detail.member.status, 'DELETED');
  });

  it('the member list shows deleted members, marked 已注销, only with 显示已注销', async () => {
    await withPage(browser, url, '43-members-deleted', async (page) => {
      await logIn(page, accounts.OPERATOR);
      // the id as the search: other members whose nickname holds the same digits may be listed too
      await page.goto(`${url}/admin/#/members?q=${leaver.id}`);
      await page.locator('table, .state.empty').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.state.loading'));
      const row = page.locator(`tr[data-member-id="${leaver.id}"]`);
      assert.equal(await row.count(), 0, 'a deleted member is left out by default');
      await page.locator('input[name=includeDeleted]').check();
      await row.waitFor();
      assert.match(await row.textContent(), /已注销/);
      assert.equal(await row.getAttribute('data-status'), 'DELETED');
      await page.locator('input[name=includeDeleted]').uncheck();
      await row.waitFor({ state: 'detached' });
    });
  });

  it('an auditor exports a member but finds no button that would change them', async () => {
    await withPage(browser, url, '44-member-auditor', async (page) => {
      await logIn(page, accounts.AUDITOR);
      await openMember(page, saver.id);
      const [download] = await Promise.all([page.waitForEvent('download'), actions(page).getByRole('button', { name: '导出数据' }).click()]);
      const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.ok(doc.wallet.ledger.some((l) => l.type === 'CASH_OUT'), 'the export holds the cash-out');
      for (const name of ['储值退款', '重新开通储值', '注销会员']) {
        assert.equal(await actions(page).getByRole('button', { name }).count(), 0, name);
      }
      assert.equal(await page.locator('form[data-form=adjust-points]').count(), 0);
    });
  });
});
