// 账目核对: the last integrity check (when, how many rows it checked, what drift it found), and a button that
// runs the check now for those who may run jobs.
import { useEffect } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { Async, ErrorBox, notice, useAction, useLoad } from '../ui.js';
import { canWrite } from '../session.js';

const KINDS = {
  POINTS_BALANCE: ['积分余额', 'Points balance'],
  POINTS_TOTALS: ['积分累计', 'Points totals'],
  POINTS_LOTS: ['积分批次', 'Points lots'],
  POINTS_CHAIN: ['积分流水链', 'Points ledger chain'],
  WALLET_PRINCIPAL: ['储值本金', 'Wallet principal'],
  WALLET_BONUS: ['储值赠送金', 'Wallet bonus'],
  WALLET_CHAIN: ['储值流水链', 'Wallet ledger chain'],
  COUPON_TAKEN: ['券库存', 'Coupon stock taken'],
  REBATE_CREDIT: ['返点入账', 'Rebate credit'],
};

const CHECKED = {
  points: ['积分账户', 'points accounts'],
  wallets: ['储值账户', 'wallets'],
  couponTemplates: ['券模板', 'coupon templates'],
  rebates: ['返点', 'rebates'],
};

export function IntegrityPage() {
  const report = useLoad(() => get('/api/admin/integrity'), []);
  const run = useAction(async () => {
    await post('/api/admin/jobs/integrity-check/run');
    notice(tr('核对完成', 'Check finished'));
    report.reload();
    window.dispatchEvent(new Event('integrity-checked'));
  });

  return html`<section data-integrity>
    <h2>${tr('账目核对', 'Books check')}</h2>
    <p class="hint">${tr('每晚核对每个积分账户、储值账户、券模板和返点是否与其流水一致。',
      'Every night each points account, wallet, coupon template and rebate is checked against its ledger.')}</p>
    ${canWrite() && html`<div class="toolbar">
      <button type="button" class="primary" data-run-integrity disabled=${run.busy} onClick=${() => run.run()}>${tr('立即核对', 'Check now')}</button>
    </div>`}
    <${ErrorBox} error=${run.error} />
    <${Async} state=${report}>${(r) => html`
      ${r.checkedAt
        ? html`<p data-checked-at>${tr('上次核对', 'Last checked')} ${formatInstant(r.checkedAt)}：
            ${Object.entries(r.checked || {}).map(([k, n]) => `${CHECKED[k] ? tr(...CHECKED[k]) : k} ${n}`).join('，')}</p>`
        : html`<p class="state empty">${tr('尚未核对过', 'Not checked yet')}</p>`}
      ${r.checkedAt && r.driftCount === 0 && html`<p class="state ok" data-books-agree>${tr('账目一致，未发现差异。', 'The books agree: no drift.')}</p>`}
      ${r.driftCount > 0 && html`<p class="state error" role="alert" data-drift-count=${r.driftCount}>
          ${tr(`发现 ${r.driftCount} 处不一致`, `${r.driftCount} drift found`)}${r.driftCount > r.drift.length
            ? tr(`（列出前 ${r.drift.length} 处）`, ` (the first ${r.drift.length} listed)`) : ''}</p>
        <div class="table-wrap"><table data-drift>
          <thead><tr><th>${tr('类型', 'Kind')}</th><th>${tr('对象', 'Row')}</th><th>${tr('应为', 'Expected')}</th><th>${tr('实为', 'Actual')}</th><th>${tr('说明', 'What')}</th></tr></thead>
          <tbody>${r.drift.map((d) => html`<tr data-drift-kind=${d.kind} data-drift-id=${d.id}>
            <td>${KINDS[d.kind] ? tr(...KINDS[d.kind]) : d.kind} <small><code>${d.kind}</code></small></td>
            <td>${d.kind.startsWith('POINTS_') || d.kind.startsWith('WALLET_') ? html`<a href=${`#/members/${d.id}`}>#${d.id}</a>` : `#${d.id}`}</td>
            <td class="num">${d.expected}</td><td class="num neg">${d.actual}</td><td class="wrap">${d.what}</td>
          </tr>`)}</tbody>
        </table></div>`}
    `}<//>
  </section>`;
}

/**
 * The red banner every page shows while the last check found drift; it links to 账目核对. Read once when the
 * console opens, after a check run here, and every ten minutes (a nightly run elsewhere shows up then).
 */
export function DriftBanner() {
  const report = useLoad(() => get('/api/admin/integrity'), []);
  useEffect(() => {
    window.addEventListener('integrity-checked', report.reload);
    const every = setInterval(report.reload, 10 * 60 * 1000);
    return () => {
      window.removeEventListener('integrity-checked', report.reload);
      clearInterval(every);
    };
  }, []);
  if (!report.data || !(report.data.driftCount > 0)) return null;
  return html`<div class="drift-banner" role="alert" data-drift-banner>
    ${tr(`账目核对发现 ${report.data.driftCount} 处不一致。`, `The books check found ${report.data.driftCount} drift.`)}
    <a href="#/integrity">${tr('查看账目核对', 'See the books check')}</a>
  </div>`;
}
