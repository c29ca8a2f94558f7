// The audit log: who changed what, with the state before and after, filtered by actor, action and dates.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { PagedTable, useLoad } from '../ui.js';
import { roleName } from '../session.js';

function Json({ value }) {
  if (value === null || value === undefined || value === '') return html`<span>—</span>`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return html`<details><summary>${text.length > 40 ? `${text.slice(0, 40)}…` : text}</summary><pre>${pretty(text)}</pre></details>`;
}

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text;
  }
}

export function AuditPage() {
  const blank = { actor: '', action: '', from: '', to: '' };
  const [draft, setDraft] = useState(blank);
  const [filter, setFilter] = useState(blank);
  const [page, setPage] = useState(1);
  const list = useLoad(() => get('/api/admin/audit-log', { ...filter, page, size: 20 }), [JSON.stringify(filter), page]);
  const set = (name) => (e) => setDraft({ ...draft, [name]: e.target.value });

  return html`<section>
    <h2>${tr('操作日志', 'Audit log')}</h2>
    <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); setPage(1); setFilter(draft); }}>
      <input name="actor" placeholder=${tr('操作人：ADMIN、MEMBER 或 ADMIN:1', 'Actor: ADMIN, MEMBER or ADMIN:1')} value=${draft.actor} onInput=${set('actor')} />
      <input name="action" placeholder=${tr('动作，如 POINTS_ADJUSTED', 'Action, e.g. POINTS_ADJUSTED')} value=${draft.action} onInput=${set('action')} />
      <label>${tr('从', 'From')} <input name="from" type="date" value=${draft.from} onInput=${set('from')} /></label>
      <label>${tr('到', 'To')} <input name="to" type="date" value=${draft.to} onInput=${set('to')} /></label>
      <button type="submit" class="primary">${tr('筛选', 'Filter')}</button>
    </form>
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('没有符合条件的记录', 'No entries match')}
      head=${[tr('时间', 'When'), tr('操作人', 'Actor'), tr('动作', 'Action'), tr('对象', 'Target'), tr('之前', 'Before'), tr('之后', 'After'), 'requestId']}
      row=${(a) => html`<tr>
        <td>${formatInstant(a.at)}</td><td>${a.actorType}:${a.actorId}${a.actorRole ? html` <small data-actor-role>${roleName(a.actorRole)}</small>` : ''}</td><td><code>${a.action}</code></td><td>${a.target}</td>
        <td class="wrap"><${Json} value=${a.before} /></td><td class="wrap"><${Json} value=${a.after} /></td><td><small>${a.requestId || ''}</small></td>
      </tr>`} />
  </section>`;
}
