// Rebates: settle an ended period, see what was settled with totals, approve the pending ones.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatCents, formatInt } from '../format.js';
import { Async, ErrorBox, Field, FormError, Money, PagedTable, confirmAction, notice, useLoad, useSubmit, useAction } from '../ui.js';
import { canWrite } from '../session.js';

const STATUS = { PENDING: ['待审核', 'Pending'], CREDITED: ['已发放', 'Credited'] };

export function RebatesPage() {
  const [filter, setFilter] = useState({ status: 'PENDING', period: '' });
  const [page, setPage] = useState(1);
  const list = useLoad(() => get('/api/admin/rebates', { ...filter, page, size: 20 }), [filter.status, filter.period, page]);
  const totals = useLoad(() => get('/api/admin/rebates/totals', { period: filter.period }), [filter.period, list.data]);

  const [period, setPeriod] = useState('');
  const settle = useSubmit(async () => {
    const result = await post('/api/admin/rebates/settle', { period: period.trim() });
    notice(tr(`${result.period} 结算完成：新增 ${result.settled} 笔，合计 ${formatCents(result.totalRebateCents)}`,
      `${result.period} settled: ${result.settled} new, ${formatCents(result.totalRebateCents)} in all`));
    setPage(1);
    setFilter({ ...filter, period: result.period });
  });

  const approve = useAction(async (r) => {
    if (!await confirmAction(tr(`发放会员 #${r.memberId} ${r.period} 的返点 ${formatCents(r.rebateCents)}？`,
      `Credit ${formatCents(r.rebateCents)} to member #${r.memberId} for ${r.period}?`), tr('审核发放', 'Approve'))) return;
    await post(`/api/admin/rebates/${r.id}/approve`);
    notice(tr('已发放', 'Credited'));
    list.reload();
  });

  return html`<section>
    <h2>${tr('返点', 'Rebates')}</h2>
    ${canWrite() && html`<form class="card inline-form" data-form="settle" onSubmit=${settle.submit} novalidate>
      <h3>${tr('结算周期', 'Settle a period')}</h3>
      <${Field} label=${tr('周期（如 2026-10 或 2026-Q3）', 'Period (2026-10 or 2026-Q3)')} name="period" errors=${settle.error?.fields}>
        <input name="period" value=${period} onInput=${(e) => setPeriod(e.target.value)} /><//>
      <button type="submit" class="primary" disabled=${settle.busy}>${tr('结算', 'Settle')}</button>
      <${FormError} error=${settle.error} />
    </form>`}
    <div class="toolbar">
      <select value=${filter.status} onChange=${(e) => { setPage(1); setFilter({ ...filter, status: e.target.value }); }}>
        <option value="">${tr('全部状态', 'Any status')}</option>
        ${Object.entries(STATUS).map(([k, v]) => html`<option value=${k}>${tr(...v)}</option>`)}
      </select>
      <input placeholder=${tr('周期，如 2026-10', 'Period, e.g. 2026-10')} value=${filter.period}
        onChange=${(e) => { setPage(1); setFilter({ ...filter, period: e.target.value.trim() }); }} />
    </div>
    <${Async} state=${totals}>${(t) => html`<div class="figures" data-rebate-totals>
      <div class="figure"><span class="label">${tr('已结算笔数', 'Settled')}</span><strong>${formatInt(t.count)}</strong></div>
      <div class="figure"><span class="label">${tr('结算消费额', 'Spend')}</span><strong><${Money} cents=${t.spentCents} /></strong></div>
      <div class="figure"><span class="label">${tr('返点合计', 'Rebates')}</span><strong><${Money} cents=${t.rebateCents} /></strong></div>
      <div class="figure"><span class="label">${tr('待审核', 'Pending')}</span><strong><${Money} cents=${t.pendingCents} /></strong><small>${tr(`${t.pendingCount} 笔`, `${t.pendingCount} rebates`)}</small></div>
      <div class="figure"><span class="label">${tr('已发放', 'Credited')}</span><strong><${Money} cents=${t.creditedCents} /></strong></div>
    </div>`}<//>
    <${ErrorBox} error=${approve.error} />
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('没有符合条件的返点', 'No rebates match')}
      head=${[tr('周期', 'Period'), tr('会员', 'Member'), tr('消费额', 'Spend'), tr('比例', 'Rate'), tr('返点', 'Rebate'), tr('方式', 'As'), tr('状态', 'Status'), '']}
      row=${(r) => html`<tr>
        <td>${r.period}</td><td><a href=${`#/members/${r.memberId}`}>#${r.memberId}</a></td>
        <td class="num"><${Money} cents=${r.spentCents} /></td><td class="num">${r.ratePercent}%</td>
        <td class="num"><${Money} cents=${r.rebateCents} /></td>
        <td>${r.creditedAs === 'POINTS' ? tr('积分', 'Points') : tr('储值赠送金', 'Wallet bonus')}</td>
        <td>${STATUS[r.status] ? tr(...STATUS[r.status]) : r.status}</td>
        <td>${r.status === 'PENDING' && canWrite() && html`<button type="button" class="link" onClick=${() => approve.run(r)}>${tr('审核发放', 'Approve')}</button>`}</td>
      </tr>`} />
  </section>`;
}
