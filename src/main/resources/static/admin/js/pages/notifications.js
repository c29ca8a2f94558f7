// Notifications: failed and skipped template messages with their error, and a retry button.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, int, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { ErrorBox, PagedTable, notice, useLoad, useAction } from '../ui.js';
import { canWrite } from '../session.js';

const STATUS = { FAILED: ['发送失败', 'Failed'], SKIPPED: ['已跳过', 'Skipped'], PENDING: ['待发送', 'Pending'], SENDING: ['发送中', 'Sending'], SENT: ['已发送', 'Sent'] };

const KINDS = { POINTS_CHANGED: ['积分变动', 'Points'], WALLET_CHANGED: ['储值变动', 'Wallet'], COUPON_CHANGED: ['优惠券变动', 'Coupon'], LEVEL_CHANGED: ['等级变动', 'Level'] };

export function NotificationsPage() {
  const [filter, setFilter] = useState({ status: 'FAILED', memberId: '' });
  const [page, setPage] = useState(1);
  const list = useLoad(() => get('/api/admin/notifications', { status: filter.status, memberId: int(filter.memberId), page, size: 20 }),
    [filter.status, filter.memberId, page]);

  const retry = useAction(async (n) => {
    await post(`/api/admin/notifications/${n.id}/retry`);
    notice(tr('已重新加入发送队列', 'Queued to send again'));
    list.reload();
  });

  return html`<section>
    <h2>${tr('消息通知', 'Notifications')}</h2>
    <div class="toolbar">
      <select value=${filter.status} onChange=${(e) => { setPage(1); setFilter({ ...filter, status: e.target.value }); }}>
        ${Object.entries(STATUS).map(([k, v]) => html`<option value=${k}>${tr(...v)}</option>`)}
        <option value="">${tr('全部', 'All')}</option>
      </select>
      <input type="number" min="1" placeholder=${tr('会员号', 'Member id')} value=${filter.memberId}
        onChange=${(e) => { setPage(1); setFilter({ ...filter, memberId: e.target.value }); }} />
    </div>
    <${ErrorBox} error=${retry.error} />
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('没有这类通知', 'No notifications of this kind')}
      head=${[tr('编号', 'Id'), tr('会员', 'Member'), tr('类型', 'Kind'), tr('状态', 'Status'), tr('尝试次数', 'Attempts'), tr('错误', 'Error'), tr('创建时间', 'Created'), tr('发送时间', 'Sent'), '']}
      row=${(n) => html`<tr>
        <td>${n.id}</td><td><a href=${`#/members/${n.memberId}`}>#${n.memberId}</a></td><td>${KINDS[n.kind] ? tr(...KINDS[n.kind]) : n.kind}</td>
        <td>${STATUS[n.status] ? tr(...STATUS[n.status]) : n.status}</td><td class="num">${n.attempts}</td>
        <td class="wrap">${n.lastError || '—'}</td><td>${formatInstant(n.createdAt)}</td><td>${formatInstant(n.sentAt)}</td>
        <td>${(n.status === 'FAILED' || n.status === 'SKIPPED') && canWrite() && html`<button type="button" class="link" onClick=${() => retry.run(n)}>${tr('重试', 'Retry')}</button>`}</td>
      </tr>`} />
  </section>`;
}
