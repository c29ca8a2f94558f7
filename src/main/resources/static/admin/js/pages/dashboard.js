// Dashboard: the overview figures of a window of days, line charts per day, and the same rows as CSV.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api, get } from '../api.js';
import { tr } from '../i18n.js';
import { formatCents, formatInt, formatRate } from '../format.js';
import { Async, ErrorBox, Money, notice, useLoad } from '../ui.js';

const COLORS = ['#1f6feb', '#d9480f', '#2b8a3e', '#862e9c'];

export function DashboardPage() {
  // {} asks for the server's default window: the 30 days ending today in the business time zone, which
  // the browser's clock and zone may not agree on. The answer names the window, and the form shows it.
  const [range, setRange] = useState({});
  const [draft, setDraft] = useState({ from: '', to: '' });
  const overview = useLoad(() => get('/api/admin/reports/overview', range), [range.from, range.to]);
  const daily = useLoad(() => get('/api/admin/reports/daily', range), [range.from, range.to]);
  const [csvError, setCsvError] = useState(null);
  useEffect(() => {
    if (overview.data && draft.from === '') setDraft({ from: overview.data.from, to: overview.data.to });
  }, [overview.data]);

  async function downloadCsv() {
    setCsvError(null);
    try {
      const text = await api('GET', '/api/admin/reports/daily', { query: range, accept: 'text/csv' });
      const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `daily-${range.from || overview.data?.from}-${range.to || overview.data?.to}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      notice(tr('已下载 CSV', 'CSV downloaded'));
    } catch (e) {
      setCsvError(e);
    }
  }

  return html`<section>
    <h2>${tr('数据概览', 'Dashboard')}</h2>
    <form class="toolbar" onSubmit=${(e) => { e.preventDefault(); setRange(draft); }}>
      <label>${tr('开始日期', 'From')} <input type="date" name="from" value=${draft.from} max=${draft.to}
        onInput=${(e) => setDraft({ ...draft, from: e.target.value })} /></label>
      <label>${tr('结束日期', 'To')} <input type="date" name="to" value=${draft.to} min=${draft.from}
        onInput=${(e) => setDraft({ ...draft, to: e.target.value })} /></label>
      <button type="submit" class="primary">${tr('查询', 'Show')}</button>
      <button type="button" class="secondary" data-csv onClick=${downloadCsv}>${tr('下载每日数据 CSV', 'Download daily CSV')}</button>
    </form>
    <${ErrorBox} error=${csvError} />
    <${Async} state=${overview}>${(o) => html`<${Figures} o=${o} />`}<//>
    <${Async} state=${daily} isEmpty=${(rows) => rows.length === 0} empty=${tr('这段时间没有数据', 'No days in this window')}>
      ${(rows) => html`<div class="charts">
        <${LineChart} id="chart-sign-ins" title=${tr('每日签到', 'Sign-ins per day')} rows=${rows}
          series=${[['signIns', tr('签到次数', 'Sign-ins')]]} />
        <${LineChart} id="chart-points" title=${tr('每日积分', 'Points per day')} rows=${rows}
          series=${[['pointsIssued', tr('发放', 'Issued')], ['pointsRedeemed', tr('兑换', 'Redeemed')], ['pointsExpired', tr('过期', 'Expired')]]} />
        <${LineChart} id="chart-coupons" title=${tr('每日优惠券', 'Coupons per day')} rows=${rows}
          series=${[['couponsIssued', tr('发放', 'Issued')], ['couponsUsed', tr('核销', 'Used')]]} />
        <${LineChart} id="chart-wallet" title=${tr('每日储值', 'Stored value per day')} rows=${rows} money
          series=${[['walletTopUpCents', tr('充值', 'Top-ups')], ['walletPaidCents', tr('消费', 'Paid')]]} />
      </div>`}
    <//>
  </section>`;
}

function Figure({ label, children, sub }) {
  return html`<div class="figure"><span class="label">${label}</span><strong>${children}</strong>${sub && html`<small>${sub}</small>`}</div>`;
}

function Figures({ o }) {
  return html`<div class="figures" data-overview>
    <${Figure} label=${tr('会员总数', 'Members')}>${formatInt(o.members)}<//>
    <${Figure} label=${tr('活跃会员', 'Active members')}>${formatInt(o.activeMembers)}<//>
    <${Figure} label=${tr('签到次数', 'Sign-ins')} sub=${tr(`${formatInt(o.signInMembers)} 人签到`, `${formatInt(o.signInMembers)} members`)}>${formatInt(o.signIns)}<//>
    <${Figure} label=${tr('签到参与率', 'Participation')}>${formatRate(o.participationRate)}<//>
    <${Figure} label=${tr('积分发放', 'Points issued')}>${formatInt(o.pointsIssued)}<//>
    <${Figure} label=${tr('积分兑换', 'Points redeemed')}>${formatInt(o.pointsRedeemed)}<//>
    <${Figure} label=${tr('积分过期', 'Points expired')}>${formatInt(o.pointsExpired)}<//>
    <${Figure} label=${tr('积分负债', 'Points liability')}>${formatInt(o.pointsLiability)}<//>
    <${Figure} label=${tr('积分沉淀率', 'Breakage rate')}>${formatRate(o.breakageRate)}<//>
    <${Figure} label=${tr('积分兑换率', 'Redemption rate')}>${formatRate(o.redemptionRate)}<//>
    <${Figure} label=${tr('储值负债', 'Wallet liability')}
      sub=${tr(`本金 ${formatCents(o.walletPrincipalCents)} · 赠送 ${formatCents(o.walletBonusCents)}`,
        `principal ${formatCents(o.walletPrincipalCents)} · bonus ${formatCents(o.walletBonusCents)}`)}><${Money} cents=${o.walletLiabilityCents} /><//>
    <${Figure} label=${tr('返点金额', 'Rebates')}><${Money} cents=${o.rebatesCents} /><//>
    <${Figure} label=${tr('优惠券发放', 'Coupons issued')}>${formatInt(o.couponsIssued)}<//>
    <${Figure} label=${tr('优惠券核销', 'Coupons used')}>${formatInt(o.couponsUsed)}<//>
  </div>`;
}

/** A Chart.js line chart of some columns of the daily rows; money columns stay in cents and are labelled as yuan. */
function LineChart({ id, title, rows, series, money }) {
  const canvas = useRef(null);
  useEffect(() => {
    const chart = new window.Chart(canvas.current, {
      type: 'line',
      data: {
        labels: rows.map((r) => r.date),
        datasets: series.map(([key, label], i) => ({
          label, data: rows.map((r) => r[key]), borderColor: COLORS[i], backgroundColor: COLORS[i], tension: 0.2, pointRadius: 2,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        // money stays in whole cents on the axis and is labelled as ¥
        scales: { y: { beginAtZero: true, suggestedMax: money ? 100 : 1, ticks: money
          ? { precision: 0, callback: (v) => formatCents(Math.round(v)) } : { precision: 0 } } },
        plugins: money ? { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatCents(c.raw)}` } } } : {},
      },
    });
    canvas.current.dataset.points = String(rows.length * series.length);
    return () => chart.destroy();
  }, [rows, series.map((s) => s.join()).join()]);
  return html`<figure class="card chart"><figcaption>${title}</figcaption><div class="chart-box"><canvas id=${id} ref=${canvas}></canvas></div></figure>`;
}
