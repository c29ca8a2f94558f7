// Members: search by nickname, id or masked phone, filter by segment, show deleted ones too, open one.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatInt } from '../format.js';
import { ErrorBox, Money, PagedTable, notice, useLoad, useAction } from '../ui.js';
import { canWrite } from '../session.js';

export const SEGMENTS = [
  ['HIGH_VALUE', '高价值', 'High value'],
  ['AT_RISK', '流失风险', 'At risk'],
  ['NEW', '新会员', 'New'],
  ['DORMANT', '沉睡', 'Dormant'],
  ['REGULAR', '普通', 'Regular'],
];

export function segmentName(code) {
  if (!code) return tr('未分群', 'Not yet segmented');
  const found = SEGMENTS.find(([c]) => c === code);
  return found ? tr(found[1], found[2]) : code;
}

export function MembersPage({ params }) {
  const [filter, setFilter] = useState({ q: params.q || '', segment: params.segment || '', includeDeleted: params.includeDeleted === 'true' });
  const [draft, setDraft] = useState(filter);
  const [page, setPage] = useState(1);
  const state = useLoad(() => get('/api/admin/members', { ...filter, includeDeleted: filter.includeDeleted ? 'true' : null, page, size: 20 }),
    [filter.q, filter.segment, filter.includeDeleted, page]);

  const recompute = useAction(async () => {
    const run = await post('/api/admin/jobs/member-segments/run');
    notice(tr(`分群已更新：${run.processed} 位会员`, `Segments recomputed for ${run.processed} members`));
    state.reload();
  });

  const search = (e) => {
    e.preventDefault();
    setPage(1);
    setFilter({ q: draft.q.trim(), segment: draft.segment, includeDeleted: draft.includeDeleted });
  };
  const showDeleted = (e) => {
    const includeDeleted = e.target.checked;
    setDraft({ ...draft, includeDeleted });
    setPage(1);
    setFilter({ ...filter, includeDeleted });
  };
  return html`<section>
    <h2>${tr('会员', 'Members')}</h2>
    <form class="toolbar" onSubmit=${search} role="search">
      <input type="search" name="q" placeholder=${tr('昵称、会员号或手机号（138****5678）', 'Nickname, id or phone (138****5678)')}
        value=${draft.q} onInput=${(e) => setDraft({ ...draft, q: e.target.value })} />
      <select name="segment" value=${draft.segment} onChange=${(e) => setDraft({ ...draft, segment: e.target.value })}>
        <option value="">${tr('全部分群', 'All segments')}</option>
        ${SEGMENTS.map(([code, zh, en]) => html`<option value=${code}>${tr(zh, en)}</option>`)}
      </select>
      <label><input type="checkbox" name="includeDeleted" checked=${draft.includeDeleted} onChange=${showDeleted} /> ${tr('显示已注销', 'Show deleted')}</label>
      <button type="submit" class="primary">${tr('搜索', 'Search')}</button>
      ${canWrite() && html`<button type="button" class="secondary" onClick=${() => recompute.run()}>${tr('重新计算分群', 'Recompute segments')}</button>`}
    </form>
    <${ErrorBox} error=${recompute.error} />
    <${PagedTable} state=${state} page=${page} onPage=${setPage} empty=${tr('没有找到会员', 'No member found')}
      head=${[tr('会员号', 'Id'), tr('昵称', 'Nickname'), tr('手机', 'Phone'), tr('等级', 'Level'), tr('分群', 'Segment'),
        tr('积分', 'Points'), tr('储值余额', 'Wallet'), tr('最近活跃', 'Last active')]}
      row=${(m) => html`<tr class=${`clickable${m.status === 'DELETED' ? ' deleted' : ''}`} data-member-id=${m.id} data-status=${m.status}
        onClick=${() => { window.location.hash = `#/members/${m.id}`; }}>
        <td><a href=${`#/members/${m.id}`}>${m.id}</a></td>
        <td>${m.nickname || '—'}${m.status === 'DELETED' && html` <span class="badge deleted">${tr('已注销', 'Deleted')}</span>`}</td>
        <td>${m.phoneMasked || '—'}</td>
        <td>${m.level?.name || '—'}</td>
        <td>${segmentName(m.segment)}</td>
        <td class="num">${formatInt(m.pointsBalance)}</td>
        <td class="num"><${Money} cents=${m.walletBalanceCents} /></td>
        <td>${m.lastActiveOn || '—'}</td>
      </tr>`} />
  </section>`;
}
