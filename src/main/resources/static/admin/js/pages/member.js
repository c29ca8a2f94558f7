// One member: balances, level, segment, last activity; tabs for the points ledger, wallet ledger,
// coupons and sign-in calendar; a points adjustment with a required reason and a confirmation; their
// data export, the wallet's cash-out and reopening, and the deletion of the account.
import { useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { ApiError, api, del, get, newKey, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatCents, formatInstant, formatInt } from '../format.js';
import { Async, ErrorBox, Field, FormError, Money, PagedTable, confirmAction, notice, useAction, useLoad } from '../ui.js';
import { canExportMember, canSeeMemberHistory, canWrite } from '../session.js';
import { segmentName } from './members.js';
import { couponStatusName } from './coupons.js';

const TABS = [
  ['points', '积分明细', 'Points ledger'],
  ['wallet', '储值明细', 'Wallet ledger'],
  ['coupons', '优惠券', 'Coupons'],
  ['sign-ins', '签到日历', 'Sign-in calendar'],
];

export function MemberPage({ id }) {
  const detail = useLoad(() => get(`/api/admin/members/${id}`), [id]);
  const [tab, setTab] = useState('points');
  const [version, setVersion] = useState(0);
  const changed = () => {
    detail.reload();
    setVersion((v) => v + 1);
  };
  const deleted = detail.data?.member.status === 'DELETED';
  return html`<section>
    <p><a href="#/members">← ${tr('会员列表', 'All members')}</a></p>
    <${Async} state=${detail}>${(d) => html`<${Summary} d=${d} />`}<//>
    ${detail.data && html`<${AccountActions} id=${id} d=${detail.data} onDone=${changed} />`}
    ${canWrite() && detail.data && !deleted && html`<${AdjustPoints} id=${id} onDone=${changed} />`}
    ${canSeeMemberHistory() && html`<div class="tabs" role="tablist">
      ${TABS.map(([key, zh, en]) => html`<button type="button" role="tab" aria-selected=${tab === key}
        class=${tab === key ? 'active' : ''} onClick=${() => setTab(key)}>${tr(zh, en)}</button>`)}
    </div>
    <div class="tab-body" key=${`${tab}-${version}`}>
      ${tab === 'points' && html`<${PointsLedger} id=${id} />`}
      ${tab === 'wallet' && html`<${WalletLedger} id=${id} />`}
      ${tab === 'coupons' && html`<${Coupons} id=${id} onChange=${changed} />`}
      ${tab === 'sign-ins' && html`<${Calendar} id=${id} />`}
    </div>`}
  </section>`;
}

function Summary({ d }) {
  const m = d.member;
  return html`<div class="card member-summary">
    <h2>${m.nickname || tr('未设置昵称', 'No nickname')} <small>#${m.id}</small>
      ${m.status === 'DELETED' && html` <span class="badge deleted" data-member-deleted>${tr('已注销', 'Deleted')}</span>`}</h2>
    ${m.status === 'DELETED' && html`<p class="muted">${tr(`已于 ${formatInstant(m.deletedAt)} 注销`, `Deleted ${formatInstant(m.deletedAt)}`)}</p>`}
    <dl class="facts">
      <div><dt>${tr('积分', 'Points')}</dt><dd data-points-balance>${formatInt(m.pointsBalance)}</dd></div>
      <div><dt>${tr('储值余额', 'Wallet')}${d.wallet.closed ? html` <span class="badge closed" data-wallet-closed>${tr('已关闭', 'Closed')}</span>` : ''}</dt>
        <dd data-wallet-balance><${Money} cents=${d.wallet.balanceCents} />
        <small>${tr('本金', 'principal')} <${Money} cents=${d.wallet.principalCents} /> · ${tr('赠送', 'bonus')} <${Money} cents=${d.wallet.bonusCents} /></small></dd></div>
      <div><dt>${tr('等级', 'Level')}</dt><dd>${m.level?.name || '—'} <small>${tr('成长值', 'growth')} ${formatInt(d.growth?.growth)}${d.growth?.nextLevel ? tr(`，距 ${d.growth.nextLevel.name} 还差 ${formatInt(d.growth.growthToNext)}`, `, ${formatInt(d.growth.growthToNext)} to ${d.growth.nextLevel.name}`) : ''}</small></dd></div>
      <div><dt>${tr('分群', 'Segment')}</dt><dd>${segmentName(m.segment)}</dd></div>
      <div><dt>${tr('最近活跃', 'Last active')}</dt><dd>${m.lastActiveOn || '—'}</dd></div>
      <div><dt>${tr('手机', 'Phone')}</dt><dd>${m.phoneMasked || '—'}</dd></div>
      <div><dt>${tr('签到', 'Sign-in')}</dt><dd>${d.signIn?.signedToday ? tr('今日已签', 'signed today') : tr('今日未签', 'not today')} · ${tr(`连续 ${d.signIn?.streak ?? 0} 天`, `streak ${d.signIn?.streak ?? 0}`)}</dd></div>
      <div><dt>${tr('未用优惠券', 'Unused coupons')}</dt><dd>${formatInt(d.unusedCoupons)}</dd></div>
      <div><dt>${tr('店员', 'Staff')}</dt><dd>${d.staff ? tr(`门店 #${d.staff.storeId}`, `store #${d.staff.storeId}`) : tr('否', 'no')}</dd></div>
    </dl>
  </div>`;
}

const REFUND_STATUSES = {
  PLANNED: ['待发起', 'Planned'], PENDING: ['待发起', 'Pending'], PROCESSING: ['退款中', 'Processing'],
  SUCCESS: ['已退回', 'Refunded'], FAILED: ['发起失败，稍后重试', 'Failed, retried later'], ABNORMAL: ['异常，请在门店付现金', 'Abnormal: pay at a store'],
};

/** Export (every role that reads member histories); cash-out, reopening and deletion (owners and operators). */
function AccountActions({ id, d, onDone }) {
  const deleted = d.member.status === 'DELETED';
  const w = d.wallet;
  const [cashOut, setCashOut] = useState(null);

  const exportData = useAction(async () => {
    const doc = await api('GET', `/api/admin/members/${id}/export`);
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `member-${id}-export.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    notice(tr('已导出会员数据', 'Member data exported'));
  });

  const runCashOut = useAction(async () => {
    const ok = await confirmAction(tr(
      `确认为会员 #${id} 办理储值退款？储值余额 ${formatCents(w.balanceCents)}：本金 ${formatCents(w.principalCents)} 原路退回微信支付充值，其余在门店付现金；赠送金 ${formatCents(w.bonusCents)} 作废。退款后储值账户将关闭，需重新开通才能再充值。`,
      `Cash out member #${id}'s wallet? Balance ${formatCents(w.balanceCents)}: principal ${formatCents(w.principalCents)} goes back to their WeChat Pay top-ups, the rest in cash at a store; bonus ${formatCents(w.bonusCents)} is forfeited. The wallet is then closed until it is reopened.`),
    tr('确认退款', 'Cash out'));
    if (!ok) return;
    const result = await post(`/api/admin/members/${id}/wallet/cash-out`);
    setCashOut(result);
    notice(tr('已办理储值退款，储值账户已关闭', 'Cashed out; the wallet is closed'));
    onDone();
  });

  const reopen = useAction(async () => {
    if (!await confirmAction(tr(`重新开通会员 #${id} 的储值账户？`, `Reopen member #${id}'s wallet?`), tr('重新开通', 'Reopen'))) return;
    await post(`/api/admin/members/${id}/wallet/reopen`);
    notice(tr('储值账户已重新开通', 'Wallet reopened'));
    onDone();
  });

  const remove = useAction(async () => {
    const ok = await confirmAction(tr(
      `注销会员 #${id}？积分清零、未用优惠券作废、个人信息删除，无法恢复。`,
      `Delete member #${id}? Their points are written off, unused coupons revoked and personal data erased; this cannot be undone.`),
    tr('注销会员', 'Delete member'),
    { require: String(id), prompt: tr(`请输入会员号 ${id} 以确认`, `Type the member id ${id} to confirm`) });
    if (!ok) return;
    try {
      await del(`/api/admin/members/${id}`);
    } catch (e) {
      if (e.code === 'WALLET_NOT_EMPTY') {
        e.message = tr('该会员储值账户仍有余额，请先办理储值退款，再注销。', 'The member\'s wallet still holds money: cash it out first, then delete.');
      }
      throw e;
    }
    notice(tr('会员已注销', 'Member deleted'));
    onDone();
  });

  const write = canWrite();
  if (!canExportMember() && !write) return null;
  return html`<div class="card" data-member-actions>
    <div class="toolbar">
      <h3>${tr('会员账户', 'Account')}</h3>
      ${canExportMember() && html`<button type="button" class="secondary" data-action="export" disabled=${exportData.busy}
        onClick=${() => exportData.run()}>${tr('导出数据', 'Export data')}</button>`}
      ${write && !deleted && !w.closed && html`<button type="button" class="secondary" data-action="cash-out" disabled=${runCashOut.busy}
        onClick=${() => runCashOut.run()}>${tr('储值退款', 'Cash out wallet')}</button>`}
      ${write && !deleted && w.closed && html`<button type="button" class="secondary" data-action="reopen" disabled=${reopen.busy}
        onClick=${() => reopen.run()}>${tr('重新开通储值', 'Reopen wallet')}</button>`}
      ${write && !deleted && html`<button type="button" class="danger" data-action="delete" disabled=${remove.busy}
        onClick=${() => remove.run()}>${tr('注销会员', 'Delete member')}</button>`}
    </div>
    <${ErrorBox} error=${exportData.error || runCashOut.error || reopen.error || remove.error} />
    ${cashOut && html`<${CashOutResult} r=${cashOut} />`}
  </div>`;
}

function CashOutResult({ r }) {
  return html`<div data-cash-out-result>
    <p>${tr('退还本金', 'Principal returned')} <${Money} cents=${r.principalCents} />${' · '}${tr('作废赠送金', 'Bonus forfeited')} <${Money} cents=${r.bonusForfeitedCents} />${' · '}${tr('门店付现金', 'Cash to pay at a store')} <strong data-cash-cents><${Money} cents=${r.cashCents} /></strong>${r.closed ? ` · ${tr('储值账户已关闭', 'wallet closed')}` : ''}</p>
    ${r.refunds.length > 0 && html`<div class="table-wrap"><table>
      <thead><tr><th>${tr('充值订单号', 'Top-up order')}</th><th>${tr('退款单号', 'Refund no.')}</th><th>${tr('退回微信支付', 'To WeChat Pay')}</th><th>${tr('状态', 'Status')}</th></tr></thead>
      <tbody>${r.refunds.map((f) => html`<tr data-refund>
        <td>${f.orderNo}</td><td>${f.refundNo}</td><td class="num"><${Money} cents=${f.amountCents} /></td><td>${named(REFUND_STATUSES, f.status)}</td>
      </tr>`)}</tbody>
    </table></div>`}
  </div>`;
}

function AdjustPoints({ id, onDone }) {
  const [form, setForm] = useState({ delta: '', reason: '' });
  // One key per adjustment: sending the same form again after a lost answer cannot apply it twice.
  const key = useRef({ form: null, value: null });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(e) {
    e.preventDefault();
    setError(null);
    const delta = form.delta.trim();
    const reason = form.reason.trim();
    const fields = {};
    if (!/^-?\d+$/.test(delta) || Number(delta) === 0) fields.delta = tr('请输入非零整数，负数为扣减', 'A whole number other than 0; negative deducts');
    if (!reason) fields.reason = tr('请填写调整原因', 'A reason is required');
    if (Object.keys(fields).length) {
      setError(Object.assign(new ApiError(400, { detail: '' }), { fields }));
      return;
    }
    const ok = await confirmAction(Number(delta) > 0
      ? tr(`确认给会员 #${id} 增加 ${formatInt(delta)} 积分？原因：${reason}`, `Add ${formatInt(delta)} points to member #${id}? Reason: ${reason}`)
      : tr(`确认扣减会员 #${id} ${formatInt(delta.slice(1))} 积分？原因：${reason}`, `Deduct ${formatInt(delta.slice(1))} points from member #${id}? Reason: ${reason}`),
    tr('确认调整', 'Adjust'));
    if (!ok) return;
    setBusy(true);
    try {
      const sent = `${delta}\n${reason}`;
      if (key.current.form !== sent) key.current = { form: sent, value: newKey() };
      const result = await post(`/api/admin/members/${id}/points-adjustments`, { delta: Number(delta), reason }, { 'Idempotency-Key': key.current.value });
      key.current = { form: null, value: null };
      notice(tr(`已调整，当前积分 ${formatInt(result.balance)}`, `Adjusted; balance now ${formatInt(result.balance)}`));
      setForm({ delta: '', reason: '' });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return html`<form class="card inline-form" data-form="adjust-points" onSubmit=${submit}>
    <h3>${tr('调整积分', 'Adjust points')}</h3>
    <${Field} label=${tr('积分变动（负数为扣减）', 'Change (negative deducts)')} name="delta" errors=${error?.fields}>
      <input name="delta" inputmode="numeric" value=${form.delta} onInput=${(e) => setForm({ ...form, delta: e.target.value })} />
    <//>
    <${Field} label=${tr('原因（必填）', 'Reason (required)')} name="reason" errors=${error?.fields}>
      <input name="reason" maxlength="200" value=${form.reason} onInput=${(e) => setForm({ ...form, reason: e.target.value })} />
    <//>
    <button type="submit" class="primary" disabled=${busy}>${tr('调整', 'Adjust')}</button>
    ${error && error.status !== 400 && html`<${FormError} error=${error} />`}
  </form>`;
}

const POINTS_TYPES = { EARN: ['获得', 'Earned'], SPEND: ['消费', 'Spent'], EXPIRE: ['过期', 'Expired'], REVERSE: ['冲正', 'Reversed'], ADJUST: ['人工调整', 'Adjusted'], WRITE_OFF: ['注销清零', 'Written off'] };

const POINTS_SOURCES = {
  SIGN_IN: ['签到', 'Sign-in'], MAKEUP_SIGN_IN: ['补签', 'Makeup'], BIRTHDAY: ['生日礼', 'Birthday'], PURCHASE: ['消费', 'Purchase'],
  REDEEM: ['兑换优惠券', 'Coupon'], REBATE: ['返点', 'Rebate'], ADMIN: ['运营调整', 'Operator'], EXPIRY: ['到期', 'Expiry'], GRANT: ['活动赠送', 'Grant'],
};
const WALLET_TYPES = { TOP_UP: ['充值', 'Top-up'], PAY: ['消费', 'Payment'], REFUND: ['退款', 'Refund'], REBATE: ['返点', 'Rebate'], ADJUST: ['调整', 'Adjustment'], BONUS_EXPIRED: ['赠送金过期', 'Bonus expired'],
  CASH_OUT: ['储值退款', 'Cash-out'], BONUS_FORFEITED: ['赠送金作废', 'Bonus forfeited'] };
const named = (table, code) => (table[code] ? tr(...table[code]) : code);

function PointsLedger({ id }) {
  const [page, setPage] = useState(1);
  const state = useLoad(() => get(`/api/admin/members/${id}/points-ledger`, { page, size: 20 }), [id, page]);
  return html`<${PagedTable} state=${state} page=${page} onPage=${setPage} empty=${tr('还没有积分变动', 'No points movements yet')}
    head=${[tr('时间', 'When'), tr('类型', 'Type'), tr('变动', 'Change'), tr('变动后余额', 'Balance after'), tr('来源', 'Source'), tr('备注', 'Remark')]}
    row=${(l) => html`<tr data-ledger-row>
      <td>${formatInstant(l.createdAt)}</td>
      <td>${named(POINTS_TYPES, l.type)}</td>
      <td class=${`num ${l.delta < 0 ? 'neg' : 'pos'}`}>${l.delta > 0 ? '+' : ''}${formatInt(l.delta)}</td>
      <td class="num">${formatInt(l.balanceAfter)}</td>
      <td>${named(POINTS_SOURCES, l.source)}</td>
      <td>${l.remark || ''}</td>
    </tr>`} />`;
}

function WalletLedger({ id }) {
  const [page, setPage] = useState(1);
  const state = useLoad(() => get(`/api/admin/members/${id}/wallet-ledger`, { page, size: 20 }), [id, page]);
  return html`<${PagedTable} state=${state} page=${page} onPage=${setPage} empty=${tr('还没有储值变动', 'No wallet movements yet')}
    head=${[tr('时间', 'When'), tr('类型', 'Type'), tr('变动', 'Change'), tr('本金', 'Principal'), tr('赠送', 'Bonus'), tr('变动后余额', 'Balance after'), tr('订单号', 'Order'), tr('门店', 'Store')]}
    row=${(l) => html`<tr>
      <td>${formatInstant(l.createdAt)}</td><td>${named(WALLET_TYPES, l.type)}</td>
      <td class="num"><${Money} cents=${l.deltaCents} /></td>
      <td class="num"><${Money} cents=${l.principalDeltaCents} /></td>
      <td class="num"><${Money} cents=${l.bonusDeltaCents} /></td>
      <td class="num"><${Money} cents=${l.balanceAfterCents} /></td>
      <td>${l.orderNo || ''}</td><td>${l.storeId ?? ''}</td>
    </tr>`} />`;
}

function Coupons({ id, onChange }) {
  const [page, setPage] = useState(1);
  const state = useLoad(() => get(`/api/admin/members/${id}/coupons`, { page, size: 20 }), [id, page]);
  const revoke = useAction(async (c) => {
    if (!await confirmAction(tr(`撤销券 ${c.code}？会员的积分会退回，库存也会恢复。`, `Revoke ${c.code}? The member gets the points back and the stock returns.`), tr('撤销', 'Revoke'))) return;
    const result = await post(`/api/admin/coupons/${c.id}/revoke`);
    notice(tr(`已撤销，退回 ${formatInt(result.pointsReturned)} 积分`, `Revoked; ${formatInt(result.pointsReturned)} points returned`));
    onChange();
  });
  return html`<div>
    <${ErrorBox} error=${revoke.error} />
    <${PagedTable} state=${state} page=${page} onPage=${setPage} empty=${tr('没有优惠券', 'No coupons')}
      head=${[tr('券码', 'Code'), tr('名称', 'Name'), tr('状态', 'Status'), tr('有效期', 'Valid'), tr('使用时间', 'Used'), '']}
      row=${(c) => html`<tr>
        <td><a href=${`#/coupons?code=${encodeURIComponent(c.code)}`}><code>${c.code}</code></a></td><td>${c.name}</td>
        <td>${couponStatusName(c.status)}</td>
        <td>${formatInstant(c.validFrom)} – ${formatInstant(c.validTo)}</td>
        <td>${formatInstant(c.usedAt)}</td>
        <td>${c.status === 'UNUSED' && canWrite() && html`<button type="button" class="link" onClick=${() => revoke.run(c)}>${tr('撤销', 'Revoke')}</button>`}</td>
      </tr>`} />
  </div>`;
}

function Calendar({ id }) {
  const now = new Date();
  const [month, setMonth] = useState(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
  const state = useLoad(() => get(`/api/admin/members/${id}/sign-ins`, { month }), [id, month]);
  return html`<div>
    <label class="toolbar">${tr('月份', 'Month')} <input type="month" value=${month} onChange=${(e) => e.target.value && setMonth(e.target.value)} /></label>
    <${Async} state=${state}>${(c) => html`<div>
      <p>${tr(`连续签到 ${c.streak} 天 · 本月剩余补签 ${c.makeupLeft} 次`, `Streak ${c.streak} · ${c.makeupLeft} makeups left this month`)}</p>
      <div class="calendar">
        ${(tr('一二三四五六日', 'MTWTFSS')).split('').map((d) => html`<span class="weekday">${d}</span>`)}
        ${Array.from({ length: (new Date(`${c.month}-01T00:00:00`).getDay() + 6) % 7 }, () => html`<span class="day blank"></span>`)}
        ${c.days.map((d) => html`<span class=${`day${d.signedIn ? ' signed' : ''}${d.makeup ? ' makeup' : ''}`}
          title=${d.signedIn ? `+${d.points}` : ''}>${Number(d.date.slice(8))}${d.signedIn ? html`<small>+${d.points}${d.makeup ? tr(' 补', ' m') : ''}</small>` : ''}</span>`)}
      </div>
    </div>`}<//>
  </div>`;
}

