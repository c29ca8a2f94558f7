// Webhooks: endpoints that receive points, wallet, coupon and level changes, each with its delivery log
// and a retry of failed deliveries. Operators create and delete them; an auditor only reads.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { del, get, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { ErrorBox, Field, FormError, ListTable, PagedTable, confirmAction, notice, useAction, useLoad, useSubmit } from '../ui.js';
import { canWrite } from '../session.js';

const EVENTS = {
  'points.changed': ['积分变动', 'Points changed'],
  'wallet.changed': ['储值变动', 'Wallet changed'],
  'coupon.changed': ['优惠券变动', 'Coupon changed'],
  'member.level_changed': ['等级变动', 'Level changed'],
};

const STATUS = { PENDING: ['待投递', 'Pending'], DELIVERED: ['已投递', 'Delivered'], FAILED: ['投递失败', 'Failed'] };

const eventName = (e) => (EVENTS[e] ? tr(...EVENTS[e]) : e);

function Deliveries({ webhook, onClose }) {
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(() => get(`/api/admin/webhooks/${webhook.id}/deliveries`, { status, page, size: 20 }), [webhook.id, status, page]);
  const retry = useAction(async (d) => {
    await post(`/api/admin/webhooks/${webhook.id}/deliveries/${d.id}/retry`);
    notice(tr('已重新加入投递队列', 'Queued to deliver again'));
    list.reload();
  });
  return html`<div class="card" data-deliveries=${webhook.id}>
    <h3>${tr('投递记录', 'Deliveries')} · <span class="wrap">${webhook.url}</span></h3>
    <div class="toolbar">
      <select name="deliveryStatus" value=${status} onChange=${(e) => { setPage(1); setStatus(e.target.value); }}>
        <option value="">${tr('全部', 'All')}</option>
        ${Object.entries(STATUS).map(([k, v]) => html`<option value=${k}>${tr(...v)}</option>`)}
      </select>
      <button type="button" class="secondary" onClick=${() => list.reload()}>${tr('刷新', 'Refresh')}</button>
      <button type="button" class="link" onClick=${onClose}>${tr('关闭', 'Close')}</button>
    </div>
    <${ErrorBox} error=${retry.error} />
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('还没有投递', 'No deliveries yet')}
      head=${[tr('编号', 'Id'), tr('事件', 'Event'), tr('状态', 'Status'), tr('尝试次数', 'Attempts'), tr('响应码', 'HTTP'),
        tr('错误', 'Error'), tr('下次尝试', 'Next attempt'), tr('投递时间', 'Delivered'), tr('创建时间', 'Created'), '']}
      row=${(d) => html`<tr data-delivery=${d.id} data-status=${d.status}>
        <td>${d.id}</td><td><span title=${d.eventId}>${eventName(d.type)}</span></td>
        <td>${STATUS[d.status] ? tr(...STATUS[d.status]) : d.status}</td><td class="num" data-cell="attempts">${d.attempts}</td>
        <td class="num">${d.lastStatusCode ?? '—'}</td><td class="wrap">${d.lastError || '—'}</td>
        <td>${d.status === 'PENDING' ? formatInstant(d.nextAttemptAt) : '—'}</td><td>${formatInstant(d.deliveredAt)}</td>
        <td>${formatInstant(d.createdAt)}</td>
        <td>${d.status === 'FAILED' && canWrite() && html`<button type="button" class="link" onClick=${() => retry.run(d)}>${tr('重试', 'Retry')}</button>`}</td>
      </tr>`} />
  </div>`;
}

export function WebhooksPage() {
  const webhooks = useLoad(() => get('/api/admin/webhooks'), []);
  const [showing, setShowing] = useState(null);
  const blank = { url: '', events: ['points.changed'], secret: '' };
  const [form, setForm] = useState(blank);

  const create = useSubmit(async () => {
    await post('/api/admin/webhooks', { url: form.url.trim(), events: form.events, secret: form.secret });
    notice(tr('网络钩子已创建', 'Webhook created'));
    setForm(blank);
    webhooks.reload();
  });
  const remove = useAction(async (w) => {
    if (!await confirmAction(tr(`删除网络钩子 ${w.url}？之后不再向它投递。`, `Delete the webhook ${w.url}? Nothing more is delivered to it.`),
      tr('删除', 'Delete'))) return;
    await del(`/api/admin/webhooks/${w.id}`);
    notice(tr('网络钩子已删除', 'Webhook deleted'));
    if (showing?.id === w.id) setShowing(null);
    webhooks.reload();
  });
  const toggle = (event) => setForm({
    ...form, events: form.events.includes(event) ? form.events.filter((e) => e !== event) : [...form.events, event],
  });

  return html`<section>
    <h2>${tr('网络钩子', 'Webhooks')}</h2>
    <p class="hint">${tr('每次变动以签名的 JSON POST 到下方地址（至少一次，可能乱序；接收方按事件 id 去重）。',
      'Each change is POSTed as signed JSON to the URLs below (at least once, possibly out of order; receivers de-duplicate by the event id).')}</p>
    <div class="card">
      <${ErrorBox} error=${remove.error} />
      <${ListTable} state=${webhooks} empty=${tr('还没有网络钩子', 'No webhooks yet')}
        head=${[tr('编号', 'Id'), tr('地址', 'URL'), tr('事件', 'Events'), tr('创建时间', 'Created'), '']}
        row=${(w) => html`<tr data-webhook=${w.id}>
          <td>${w.id}</td><td class="wrap" data-cell="url">${w.url}</td><td>${w.events.map(eventName).join('、')}</td>
          <td>${formatInstant(w.createdAt)}</td>
          <td>
            <button type="button" class="link" data-action="deliveries" onClick=${() => setShowing(w)}>${tr('投递记录', 'Deliveries')}</button>
            ${canWrite() && html`<button type="button" class="link" data-action="delete" onClick=${() => remove.run(w)}>${tr('删除', 'Delete')}</button>`}
          </td>
        </tr>`} />
      ${canWrite() && html`<form class="inline-form" data-form="webhook" onSubmit=${create.submit} novalidate>
        <${Field} label=${tr('接收地址（https）', 'URL (https)')} name="url" errors=${create.error?.fields}>
          <input name="url" type="url" placeholder="https://" value=${form.url} onInput=${(e) => setForm({ ...form, url: e.target.value })} /><//>
        <${Field} label=${tr('事件', 'Events')} name="events" errors=${create.error?.fields}>
          <span class="checks">${Object.entries(EVENTS).map(([k, v]) => html`<label class="check">
            <input type="checkbox" name="events" value=${k} checked=${form.events.includes(k)} onChange=${() => toggle(k)} /> ${tr(...v)}
          </label>`)}</span><//>
        <${Field} label=${tr('签名密钥（至少 16 个字符，保存后不再显示）', 'Secret (16+ characters, not shown again)')} name="secret" errors=${create.error?.fields}>
          <input name="secret" type="password" autocomplete="new-password" value=${form.secret} onInput=${(e) => setForm({ ...form, secret: e.target.value })} /><//>
        <button type="submit" class="primary" disabled=${create.busy}>${tr('创建网络钩子', 'Create webhook')}</button>
        <${FormError} error=${create.error} />
      </form>`}
    </div>
    ${showing && html`<${Deliveries} key=${showing.id} webhook=${showing} onClose=${() => setShowing(null)} />`}
  </section>`;
}
