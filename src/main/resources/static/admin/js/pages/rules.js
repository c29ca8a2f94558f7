// Rules: the sign-in rule (with a preview of a 14-day streak), the points rule, levels, wallet
// plans and the rebate policy. The API's validation errors are shown beside their fields. A role
// that cannot change them (an auditor) sees the same forms read-only, with no buttons.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, int, invalid, post, put } from '../api.js';
import { tr } from '../i18n.js';
import { centsToYuanText, formatInt, parseYuan } from '../format.js';
import { Async, Field, FormError, ListTable, Money, confirmAction, notice, useLoad, useSubmit } from '../ui.js';
import { canWrite } from '../session.js';

export function RulesPage() {
  return html`<section>
    <h2>${tr('规则', 'Rules')}</h2>
    <${SignInRule} />
    <${PointsRule} />
    <${Levels} />
    <${WalletPlans} />
    <${RebatePolicy} />
  </section>`;
}

/** Loads a rule into form state (all values as text) once. */
function useRuleForm(path, toForm) {
  const state = useLoad(() => get(path), [path]);
  const [form, setForm] = useState(null);
  useEffect(() => { if (state.data) setForm(toForm(state.data)); }, [state.data]);
  const saved = (rule) => setForm(toForm(rule));
  return { state, form, setForm, saved };
}

/** The load's state until the form holds its values (a loaded rule is shown only through the form). */
const shown = (state, form) => (form ? state : { ...state, data: null, loading: !state.error });

const text = (v) => (v === null || v === undefined ? '' : String(v));

/** What a streak of 1..days earns under the rule in the form (the level multiplier aside). */
export function streakPreview(form, days = 14) {
  const base = Number(form.basePoints) || 0;
  const cycle = Math.max(1, Number(form.cycleDays) || 1);
  return Array.from({ length: days }, (_, i) => {
    const position = (i % cycle) + 1;
    const bonus = form.streakBonuses.filter((b) => Number(b.day) === position).reduce((sum, b) => sum + (Number(b.points) || 0), 0);
    return { day: i + 1, points: base + bonus, bonus };
  });
}

function SignInRule() {
  const { state, form, setForm, saved } = useRuleForm('/api/admin/sign-in-rule', (r) => ({
    basePoints: text(r.basePoints), cycleDays: text(r.cycleDays), birthdayBonusPoints: text(r.birthdayBonusPoints),
    streakBonuses: r.streakBonuses.map((b) => ({ day: text(b.day), points: text(b.points) })),
    makeup: { enabled: r.makeup.enabled, windowDays: text(r.makeup.windowDays), monthlyLimit: text(r.makeup.monthlyLimit), costPoints: text(r.makeup.costPoints) },
  }));
  const { submit, busy, error } = useSubmit(async () => {
    saved(await put('/api/admin/sign-in-rule', {
      basePoints: int(form.basePoints), cycleDays: int(form.cycleDays), birthdayBonusPoints: int(form.birthdayBonusPoints),
      streakBonuses: form.streakBonuses.map((b) => ({ day: int(b.day), points: int(b.points) })),
      makeup: { enabled: form.makeup.enabled, windowDays: int(form.makeup.windowDays), monthlyLimit: int(form.makeup.monthlyLimit), costPoints: int(form.makeup.costPoints) },
    }));
    notice(tr('签到规则已保存', 'Sign-in rule saved'));
  });
  const errors = error?.fields;
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const setMakeup = (name, value) => setForm({ ...form, makeup: { ...form.makeup, [name]: value } });
  const setBonus = (i, name, value) => setForm({ ...form, streakBonuses: form.streakBonuses.map((b, j) => (j === i ? { ...b, [name]: value } : b)) });

  return html`<form class="card" data-form="sign-in-rule" onSubmit=${submit} novalidate>
    <h3>${tr('签到规则', 'Sign-in rule')}</h3>
    <${Async} state=${shown(state, form)}>${() => html`<fieldset class="bare" disabled=${!canWrite()}>
      <div class="form-grid">
        <${Field} label=${tr('每日基础积分', 'Base points per day')} name="basePoints" errors=${errors}>
          <input name="basePoints" type="number" min="0" value=${form.basePoints} onInput=${set('basePoints')} /><//>
        <${Field} label=${tr('周期天数', 'Cycle days')} name="cycleDays" errors=${errors} hint=${tr('连续签到按此周期循环奖励', 'streak bonuses repeat every cycle')}>
          <input name="cycleDays" type="number" min="1" value=${form.cycleDays} onInput=${set('cycleDays')} /><//>
        <${Field} label=${tr('生日签到奖励', 'Birthday bonus')} name="birthdayBonusPoints" errors=${errors}>
          <input name="birthdayBonusPoints" type="number" min="0" value=${form.birthdayBonusPoints} onInput=${set('birthdayBonusPoints')} /><//>
      </div>
      <h4>${tr('连续签到奖励', 'Streak bonuses')}</h4>
      ${form.streakBonuses.map((b, i) => html`<div class="form-grid" data-bonus=${i}>
        <${Field} label=${tr('周期第几天', 'Day of cycle')} name=${`streakBonuses[${i}].day`} errors=${errors}>
          <input name=${`bonusDay${i}`} type="number" min="1" value=${b.day} onInput=${(e) => setBonus(i, 'day', e.target.value)} /><//>
        <${Field} label=${tr('额外积分', 'Extra points')} name=${`streakBonuses[${i}].points`} errors=${errors}>
          <input name=${`bonusPoints${i}`} type="number" min="0" value=${b.points} onInput=${(e) => setBonus(i, 'points', e.target.value)} /><//>
        ${canWrite() && html`<div class="field"><span class="label"> </span><button type="button" class="secondary"
          onClick=${() => setForm({ ...form, streakBonuses: form.streakBonuses.filter((_, j) => j !== i) })}>${tr('删除', 'Remove')}</button></div>`}
      </div>`)}
      ${canWrite() && html`<p><button type="button" class="secondary" onClick=${() => setForm({ ...form, streakBonuses: [...form.streakBonuses, { day: '', points: '' }] })}>
        ${tr('添加奖励', 'Add a bonus')}</button></p>`}
      <h4>${tr('补签', 'Makeup sign-in')}</h4>
      <label class="check"><input type="checkbox" name="makeupEnabled" checked=${form.makeup.enabled}
        onChange=${(e) => setMakeup('enabled', e.target.checked)} /> ${tr('允许补签', 'Allow makeups')}</label>
      <div class="form-grid">
        <${Field} label=${tr('可补签天数（今天之前）', 'Window (days before today)')} name="makeup.windowDays" errors=${errors}>
          <input name="windowDays" type="number" min="1" value=${form.makeup.windowDays} onInput=${(e) => setMakeup('windowDays', e.target.value)} /><//>
        <${Field} label=${tr('每月次数上限', 'Per month')} name="makeup.monthlyLimit" errors=${errors}>
          <input name="monthlyLimit" type="number" min="0" value=${form.makeup.monthlyLimit} onInput=${(e) => setMakeup('monthlyLimit', e.target.value)} /><//>
        <${Field} label=${tr('每次消耗积分', 'Cost in points')} name="makeup.costPoints" errors=${errors}>
          <input name="costPoints" type="number" min="0" value=${form.makeup.costPoints} onInput=${(e) => setMakeup('costPoints', e.target.value)} /><//>
      </div>
      <h4>${tr('连续 14 天签到预览', 'A 14-day streak earns')}</h4>
      <div class="preview" data-preview>
        ${streakPreview(form).map((d) => html`<span class=${d.bonus ? 'bonus' : ''}>${tr(`第${d.day}天`, `Day ${d.day}`)}<b>${formatInt(d.points)}</b></span>`)}
      </div>
      <p class="hint">${tr(`14 天合计 ${formatInt(streakPreview(form).reduce((s, d) => s + d.points, 0))} 积分（未计等级倍数）`,
        `${formatInt(streakPreview(form).reduce((s, d) => s + d.points, 0))} points in 14 days (before level multipliers)`)}</p>
      <${FormError} error=${error} />
      ${canWrite() && html`<button type="submit" class="primary" disabled=${busy}>${tr('保存签到规则', 'Save sign-in rule')}</button>`}
    </fieldset>`}<//>
  </form>`;
}

function PointsRule() {
  const { state, form, setForm, saved } = useRuleForm('/api/admin/points-rule', (r) => ({ pointsPerYuan: text(r.pointsPerYuan), expiryDays: text(r.expiryDays),
    pointsPerYuanRedeem: text(r.pointsPerYuanRedeem), maxPointsPercent: text(r.maxPointsPercent) }));
  const { submit, busy, error } = useSubmit(async () => {
    saved(await put('/api/admin/points-rule', { pointsPerYuan: int(form.pointsPerYuan), expiryDays: int(form.expiryDays),
      pointsPerYuanRedeem: int(form.pointsPerYuanRedeem), maxPointsPercent: int(form.maxPointsPercent) }));
    notice(tr('积分规则已保存', 'Points rule saved'));
  });
  return html`<form class="card" data-form="points-rule" onSubmit=${submit} novalidate>
    <h3>${tr('积分规则', 'Points rule')}</h3>
    <${Async} state=${shown(state, form)}>${() => html`<fieldset class="bare" disabled=${!canWrite()}>
      <div class="form-grid">
        <${Field} label=${tr('每消费 1 元得积分', 'Points per yuan spent')} name="pointsPerYuan" errors=${error?.fields}>
          <input name="pointsPerYuan" type="number" min="0" value=${form.pointsPerYuan} onInput=${(e) => setForm({ ...form, pointsPerYuan: e.target.value })} /><//>
        <${Field} label=${tr('积分有效天数', 'Points expire after (days)')} name="expiryDays" errors=${error?.fields}>
          <input name="expiryDays" type="number" min="1" value=${form.expiryDays} onInput=${(e) => setForm({ ...form, expiryDays: e.target.value })} /><//>
        <${Field} label=${tr('抵现：多少积分抵 1 元', 'Points that pay a yuan at checkout')} name="pointsPerYuanRedeem" errors=${error?.fields}>
          <input name="pointsPerYuanRedeem" type="number" min="1" value=${form.pointsPerYuanRedeem} onInput=${(e) => setForm({ ...form, pointsPerYuanRedeem: e.target.value })} /><//>
        <${Field} label=${tr('积分最多抵扣（%，0 为关闭）', 'Most of an order points may pay (%, 0 = off)')} name="maxPointsPercent" errors=${error?.fields}>
          <input name="maxPointsPercent" type="number" min="0" max="100" value=${form.maxPointsPercent} onInput=${(e) => setForm({ ...form, maxPointsPercent: e.target.value })} /><//>
      </div>
      <${FormError} error=${error} />
      ${canWrite() && html`<button type="submit" class="primary" disabled=${busy}>${tr('保存积分规则', 'Save points rule')}</button>`}
    </fieldset>`}<//>
  </form>`;
}

function Levels() {
  const list = useLoad(() => get('/api/admin/levels'), []);
  const empty = { code: '', name: '', minGrowth: '', pointsMultiplierPercent: '100' };
  const [form, setForm] = useState(empty);
  const [editing, setEditing] = useState(null);
  const { submit, busy, error } = useSubmit(async () => {
    const body = { name: form.name.trim(), minGrowth: int(form.minGrowth), pointsMultiplierPercent: int(form.pointsMultiplierPercent) };
    if (editing) await put(`/api/admin/levels/${encodeURIComponent(editing)}`, body);
    else await post('/api/admin/levels', { code: form.code.trim(), ...body });
    notice(editing ? tr('等级已修改', 'Level changed') : tr('等级已添加', 'Level added'));
    setForm(empty);
    setEditing(null);
    list.reload();
  });
  const edit = (l) => {
    setEditing(l.code);
    setForm({ code: l.code, name: l.name, minGrowth: String(l.minGrowth), pointsMultiplierPercent: String(l.pointsMultiplierPercent) });
  };
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  return html`<div class="card">
    <h3>${tr('会员等级', 'Levels')}</h3>
    <${ListTable} state=${list} empty=${tr('还没有等级', 'No levels')}
      head=${[tr('代码', 'Code'), tr('名称', 'Name'), tr('成长值门槛', 'Min growth'), tr('积分倍数', 'Multiplier'), ...(canWrite() ? [''] : [])]}
      row=${(l) => html`<tr><td><code>${l.code}</code></td><td>${l.name}</td><td class="num">${formatInt(l.minGrowth)}</td>
        <td class="num">×${(l.pointsMultiplierPercent / 100).toFixed(2)}</td>
        ${canWrite() && html`<td><button type="button" class="link" onClick=${() => edit(l)}>${tr('编辑', 'Edit')}</button></td>`}</tr>`} />
    ${canWrite() && html`<form class="inline-form" data-form="level" onSubmit=${submit} novalidate>
      <${Field} label=${tr('代码（大写字母）', 'Code (A-Z, 0-9)')} name="code" errors=${error?.fields}>
        <input name="code" value=${form.code} disabled=${Boolean(editing)} onInput=${set('code')} /><//>
      <${Field} label=${tr('名称', 'Name')} name="name" errors=${error?.fields}><input name="name" value=${form.name} onInput=${set('name')} /><//>
      <${Field} label=${tr('成长值门槛', 'Min growth')} name="minGrowth" errors=${error?.fields}><input name="minGrowth" type="number" min="0" value=${form.minGrowth} onInput=${set('minGrowth')} /><//>
      <${Field} label=${tr('积分倍数（%，100 = ×1）', 'Multiplier (%, 100 = ×1)')} name="pointsMultiplierPercent" errors=${error?.fields}>
        <input name="pointsMultiplierPercent" type="number" min="100" max="1000" value=${form.pointsMultiplierPercent} onInput=${set('pointsMultiplierPercent')} /><//>
      <button type="submit" class="primary" disabled=${busy}>${editing ? tr('保存等级', 'Save level') : tr('添加等级', 'Add level')}</button>
      ${editing && html`<button type="button" class="secondary" onClick=${() => { setEditing(null); setForm(empty); }}>${tr('取消', 'Cancel')}</button>`}
      <${FormError} error=${error} />
    </form>`}
  </div>`;
}

function WalletPlans() {
  const list = useLoad(() => get('/api/admin/wallet-plans'), []);
  const empty = { name: '', pay: '', bonus: '' };
  const [form, setForm] = useState(empty);
  const { submit, busy, error } = useSubmit(async () => {
    const payCents = parseYuan(form.pay);
    const bonusCents = parseYuan(form.bonus || '0');
    const wrong = {};
    if (payCents === null) wrong.payCents = tr('请输入金额，如 100 或 99.90', 'An amount such as 100 or 99.90');
    if (bonusCents === null) wrong.bonusCents = tr('请输入金额，如 20', 'An amount such as 20');
    if (Object.keys(wrong).length) throw invalid(wrong);
    await post('/api/admin/wallet-plans', { name: form.name.trim(), payCents, bonusCents, enabled: true });
    notice(tr('充值方案已添加', 'Plan added'));
    setForm(empty);
    list.reload();
  });
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  async function switchPlan(plan) {
    if (plan.enabled && !(await confirmAction(
      tr(`停用充值方案「${plan.name}」？会员将看不到它，店员也不能再用它充值。`, `Switch off the plan "${plan.name}"? Members no longer see it and staff can no longer top up with it.`),
      tr('停用', 'Switch off')))) return;
    try {
      await put(`/api/admin/wallet-plans/${plan.id}`, { name: plan.name, payCents: plan.payCents, bonusCents: plan.bonusCents, enabled: !plan.enabled });
      notice(plan.enabled ? tr('方案已停用', 'Plan switched off') : tr('方案已启用', 'Plan switched on'));
      list.reload();
    } catch (err) {
      notice(err.message);
    }
  }
  return html`<div class="card">
    <h3>${tr('储值充值方案', 'Top-up plans')}</h3>
    <${ListTable} state=${list} empty=${tr('还没有充值方案', 'No plans')}
      head=${[tr('名称', 'Name'), tr('充值', 'Pay'), tr('赠送', 'Bonus'), tr('状态', 'Status'), ...(canWrite() ? [''] : [])]}
      row=${(p) => html`<tr><td>${p.name}</td><td class="num"><${Money} cents=${p.payCents} /></td>
        <td class="num"><${Money} cents=${p.bonusCents} /></td><td>${p.enabled ? tr('启用', 'On') : tr('停用', 'Off')}</td>
        ${canWrite() && html`<td><button type="button" class="link" data-plan=${p.id} onClick=${() => switchPlan(p)}>${p.enabled ? tr('停用', 'Switch off') : tr('启用', 'Switch on')}</button></td>`}</tr>`} />
    ${canWrite() && html`<form class="inline-form" data-form="wallet-plan" onSubmit=${submit} novalidate>
      <${Field} label=${tr('名称', 'Name')} name="name" errors=${error?.fields}><input name="name" value=${form.name} onInput=${set('name')} /><//>
      <${Field} label=${tr('充值金额（元）', 'Pay (yuan)')} name="payCents" errors=${error?.fields}><input name="pay" inputmode="decimal" value=${form.pay} onInput=${set('pay')} /><//>
      <${Field} label=${tr('赠送金额（元）', 'Bonus (yuan)')} name="bonusCents" errors=${error?.fields}><input name="bonus" inputmode="decimal" value=${form.bonus} onInput=${set('bonus')} /><//>
      <button type="submit" class="primary" disabled=${busy}>${tr('添加方案', 'Add plan')}</button>
      <${FormError} error=${error} />
    </form>`}
  </div>`;
}

function RebatePolicy() {
  const { state, form, setForm, saved } = useRuleForm('/api/admin/rebate-policy', (p) => ({
    periodType: p.periodType, creditAs: p.creditAs, autoApprove: p.autoApprove,
    tiers: p.tiers.map((t) => ({ threshold: centsToYuanText(t.thresholdCents), ratePercent: text(t.ratePercent) })),
    // not edited here, kept as they are: the cap, the expiry of wallet credits and the reminders
    maxCents: p.maxCents, expiresDays: p.expiresDays, remindWithinCents: p.remindWithinCents, remindDaysBefore: p.remindDaysBefore,
  }));
  const { submit, busy, error } = useSubmit(async () => {
    const wrong = {};
    const tiers = form.tiers.map((t, i) => {
      const thresholdCents = parseYuan(t.threshold);
      if (thresholdCents === null) wrong[`tiers[${i}].thresholdCents`] = tr('请输入金额，如 1000', 'An amount such as 1000');
      return { thresholdCents, ratePercent: int(t.ratePercent) };
    });
    if (Object.keys(wrong).length) throw invalid(wrong);
    saved(await put('/api/admin/rebate-policy', { periodType: form.periodType, creditAs: form.creditAs, autoApprove: form.autoApprove, tiers,
      maxCents: form.maxCents, expiresDays: form.expiresDays, remindWithinCents: form.remindWithinCents, remindDaysBefore: form.remindDaysBefore }));
    notice(tr('返点政策已保存', 'Rebate policy saved'));
  });
  const errors = error?.fields;
  const setTier = (i, name, value) => setForm({ ...form, tiers: form.tiers.map((t, j) => (j === i ? { ...t, [name]: value } : t)) });
  return html`<form class="card" data-form="rebate-policy" onSubmit=${submit} novalidate>
    <h3>${tr('返点政策', 'Rebate policy')}</h3>
    <${Async} state=${shown(state, form)}>${() => html`<fieldset class="bare" disabled=${!canWrite()}>
      <div class="form-grid">
        <${Field} label=${tr('结算周期', 'Period')} name="periodType" errors=${errors}>
          <select name="periodType" value=${form.periodType} onChange=${(e) => setForm({ ...form, periodType: e.target.value })}>
            <option value="MONTH">${tr('按月', 'Monthly')}</option><option value="QUARTER">${tr('按季度', 'Quarterly')}</option></select><//>
        <${Field} label=${tr('返点方式', 'Credit as')} name="creditAs" errors=${errors}>
          <select name="creditAs" value=${form.creditAs} onChange=${(e) => setForm({ ...form, creditAs: e.target.value })}>
            <option value="WALLET">${tr('储值赠送金', 'Wallet bonus')}</option><option value="POINTS">${tr('积分', 'Points')}</option></select><//>
      </div>
      <label class="check"><input type="checkbox" name="autoApprove" checked=${form.autoApprove}
        onChange=${(e) => setForm({ ...form, autoApprove: e.target.checked })} /> ${tr('结算后自动发放（否则需人工审核）', 'Credit at settlement (otherwise an operator approves)')}</label>
      <h4>${tr('阶梯', 'Tiers')}</h4>
      ${form.tiers.map((t, i) => html`<div class="form-grid">
        <${Field} label=${tr('消费满（元）', 'Spend from (yuan)')} name=${`tiers[${i}].thresholdCents`} errors=${errors}>
          <input name=${`threshold${i}`} inputmode="decimal" value=${t.threshold} onInput=${(e) => setTier(i, 'threshold', e.target.value)} /><//>
        <${Field} label=${tr('返点比例（%）', 'Rate (%)')} name=${`tiers[${i}].ratePercent`} errors=${errors}>
          <input name=${`rate${i}`} type="number" min="0" max="100" value=${t.ratePercent} onInput=${(e) => setTier(i, 'ratePercent', e.target.value)} /><//>
        ${canWrite() && html`<div class="field"><span class="label"> </span><button type="button" class="secondary"
          onClick=${() => setForm({ ...form, tiers: form.tiers.filter((_, j) => j !== i) })}>${tr('删除', 'Remove')}</button></div>`}
      </div>`)}
      ${canWrite() && html`<p><button type="button" class="secondary" onClick=${() => setForm({ ...form, tiers: [...form.tiers, { threshold: '', ratePercent: '' }] })}>${tr('添加阶梯', 'Add a tier')}</button></p>`}
      <${FormError} error=${error} />
      ${canWrite() && html`<button type="submit" class="primary" disabled=${busy}>${tr('保存返点政策', 'Save rebate policy')}</button>`}
    </fieldset>`}<//>
  </form>`;
}
