// A store's activity at the counter: purchases (with what was refunded), wallet movements and coupons
// verified, filtered by store and dates and paged. A store manager sees their own store only.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant, formatInt } from '../format.js';
import { Money, PagedTable, useLoad } from '../ui.js';
import { currentMe, ownStoreId } from '../session.js';

const TABS = [
  ['purchases', '消费', 'Purchases'],
  ['wallet', '储值流水', 'Wallet movements'],
  ['coupons', '核销优惠券', 'Coupons verified'],
];

const WALLET_TYPES = {
  TOP_UP: ['充值', 'Top-up'], PAY: ['支付', 'Payment'], REFUND: ['退款', 'Refund'], REBATE: ['返点', 'Rebate'], ADJUST: ['调整', 'Adjustment'],
};

const walletType = (type) => (WALLET_TYPES[type] ? tr(...WALLET_TYPES[type]) : type);
const memberLink = (id) => html`<a href=${`#/members/${id}`}>#${id}</a>`;
const staffCell = (id) => (id ? `#${id}` : '—');

export function ActivityPage({ params = {} }) {
  const own = ownStoreId();
  const stores = useLoad(() => get('/api/admin/stores'), []);
  const blank = { storeId: own ? String(own) : (params.storeId || ''), from: '', to: '' };
  const [draft, setDraft] = useState(blank);
  const [filter, setFilter] = useState(blank);
  const [tab, setTab] = useState(TABS.some(([key]) => key === params.tab) ? params.tab : 'purchases');
  const storeName = (id) => stores.data?.find((s) => s.id === id)?.name || `#${id}`;
  const set = (name) => (e) => setDraft({ ...draft, [name]: e.target.value });

  return html`<section>
    <h2>${tr('门店流水', 'Store activity')}</h2>
    <form class="toolbar" data-form="activity-filter" onSubmit=${(e) => { e.preventDefault(); setFilter(own ? { ...draft, storeId: String(own) } : draft); }}>
      <label>${tr('门店', 'Store')} <select name="storeId" value=${own ? String(own) : draft.storeId} disabled=${Boolean(own)} onChange=${set('storeId')}>
        ${!own && html`<option value="">${tr('全部门店', 'All stores')}</option>`}
        ${own ? html`<option value=${String(own)}>${currentMe().storeName || `#${own}`}</option>`
          : (stores.data || []).map((s) => html`<option value=${String(s.id)}>${s.name}</option>`)}
      </select></label>
      <label>${tr('从', 'From')} <input name="from" type="date" value=${draft.from} onInput=${set('from')} /></label>
      <label>${tr('到', 'To')} <input name="to" type="date" value=${draft.to} onInput=${set('to')} /></label>
      <button type="submit" class="primary">${tr('筛选', 'Filter')}</button>
    </form>
    <div class="tabs" role="tablist">
      ${TABS.map(([key, zh, en]) => html`<button type="button" role="tab" data-tab=${key} aria-selected=${tab === key}
        class=${tab === key ? 'active' : ''} onClick=${() => setTab(key)}>${tr(zh, en)}</button>`)}
    </div>
    <div class="tab-body" key=${`${tab}-${JSON.stringify(filter)}`}>
      ${tab === 'purchases' && html`<${Purchases} filter=${filter} storeName=${storeName} />`}
      ${tab === 'wallet' && html`<${WalletMovements} filter=${filter} storeName=${storeName} />`}
      ${tab === 'coupons' && html`<${CouponVerifications} filter=${filter} storeName=${storeName} />`}
    </div>
  </section>`;
}

function useActivity(path, filter) {
  const [page, setPage] = useState(1);
  const list = useLoad(() => get(path, { ...filter, page, size: 20 }), [path, JSON.stringify(filter), page]);
  return { list, page, setPage };
}

function Purchases({ filter, storeName }) {
  const { list, page, setPage } = useActivity('/api/admin/purchases', filter);
  return html`<${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('这段时间没有消费', 'No purchases in this window')}
    head=${[tr('时间', 'When'), tr('门店', 'Store'), tr('订单号', 'Order'), tr('会员', 'Member'), tr('金额', 'Amount'),
      tr('已退款', 'Refunded'), tr('得积分', 'Points'), tr('退回积分', 'Points reversed'), tr('店员', 'Staff')]}
    row=${(p) => html`<tr data-purchase=${p.orderNo}>
      <td>${formatInstant(p.at)}</td><td>${storeName(p.storeId)}</td><td><code>${p.orderNo}</code></td><td>${memberLink(p.memberId)}</td>
      <td class="num"><${Money} cents=${p.amountCents} /></td>
      <td class=${`num${p.refundedCents ? ' neg' : ''}`} data-cell="refunded"><${Money} cents=${p.refundedCents} /></td>
      <td class="num">${formatInt(p.pointsAwarded)}</td><td class="num">${formatInt(p.pointsReversed)}</td><td>${staffCell(p.staffMemberId)}</td>
    </tr>`} />`;
}

function WalletMovements({ filter, storeName }) {
  const { list, page, setPage } = useActivity('/api/admin/wallet-movements', filter);
  return html`<${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('这段时间没有储值流水', 'No wallet movements in this window')}
    head=${[tr('时间', 'When'), tr('门店', 'Store'), tr('类型', 'Type'), tr('订单号', 'Order'), tr('会员', 'Member'),
      tr('变动', 'Change'), tr('本金', 'Principal'), tr('赠送', 'Bonus'), tr('店员', 'Staff')]}
    row=${(w) => html`<tr data-movement=${w.id}>
      <td>${formatInstant(w.at)}</td><td>${w.storeId ? storeName(w.storeId) : '—'}</td><td>${walletType(w.type)}</td>
      <td>${w.orderNo ? html`<code>${w.orderNo}</code>` : '—'}</td><td>${memberLink(w.memberId)}</td>
      <td class=${`num ${w.deltaCents < 0 ? 'neg' : 'pos'}`}><${Money} cents=${w.deltaCents} /></td>
      <td class="num"><${Money} cents=${w.principalDeltaCents} /></td><td class="num"><${Money} cents=${w.bonusDeltaCents} /></td>
      <td>${staffCell(w.staffMemberId)}</td>
    </tr>`} />`;
}

function CouponVerifications({ filter, storeName }) {
  const { list, page, setPage } = useActivity('/api/admin/coupon-verifications', filter);
  return html`<${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('这段时间没有核销', 'No coupons verified in this window')}
    head=${[tr('核销时间', 'Used at'), tr('门店', 'Store'), tr('券码', 'Code'), tr('优惠券', 'Coupon'), tr('会员', 'Member'), tr('店员', 'Staff')]}
    row=${(c) => html`<tr data-verification=${c.couponId}>
      <td>${formatInstant(c.usedAt)}</td><td>${c.storeId ? storeName(c.storeId) : '—'}</td><td><code>${c.code}</code></td>
      <td>${c.templateName || `#${c.templateId}`}</td><td>${memberLink(c.memberId)}</td><td>${staffCell(c.staffMemberId)}</td>
    </tr>`} />`;
}
