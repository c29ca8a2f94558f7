// Campaigns: one-off grants of a coupon, points or both to listed members, a segment or a level (the
// list refreshes while one runs), and standing campaigns on a trigger with their editor and report.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, int, invalid, newKey, post, put } from '../api.js';
import { tr } from '../i18n.js';
import { formatCents, formatInstant, formatInt } from '../format.js';
import { Async, ErrorBox, Field, FormError, PagedTable, notice, useLoad, useSubmit } from '../ui.js';
import { canWrite } from '../session.js';
import { SEGMENTS, segmentName } from './members.js';

const GRANT_STATUS = { RUNNING: ['进行中', 'Running'], DONE: ['已完成', 'Done'], FAILED: ['失败', 'Failed'] };
const TRIGGERS = {
  JOINED: ['新会员注册', 'Joined'],
  BIRTHDAY: ['会员生日', 'Birthday'],
  SEGMENT_ENTERED: ['进入分群', 'Entered a segment'],
  LEVEL_REACHED: ['达到等级', 'Reached a level'],
};
// segments a grant or a campaign may aim at: every one but REGULAR (everyone else)
const TARGET_SEGMENTS = SEGMENTS.filter(([code]) => code !== 'REGULAR');
const POLL_MS = 1500;

const label = (map, code) => (map[code] ? tr(...map[code]) : code);

function today(plusDays = 0) {
  const d = new Date();
  d.setDate(d.getDate() + plusDays);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** What a grant or a campaign gives, in words: "满减券 A + 100 积分". */
function reward(templates, templateId, points) {
  const parts = [];
  if (templateId) parts.push(templates[templateId]?.name || `${tr('券模板', 'template')} #${templateId}`);
  if (points) parts.push(tr(`${formatInt(points)} 积分`, `${formatInt(points)} points`));
  return parts.join(' + ') || '—';
}

function levelName(levels, code) {
  const found = (levels || []).find((l) => l.code === code);
  return found ? `${found.name} (${code})` : code;
}

export function CampaignsPage() {
  const refs = useLoad(() => Promise.all([get('/api/admin/coupon-templates'), get('/api/admin/levels')])
    .then(([templates, levels]) => ({ templates, levels, byId: Object.fromEntries(templates.map((t) => [t.id, t])) })), []);
  return html`<section>
    <h2>${tr('营销活动', 'Campaigns')}</h2>
    <${Async} state=${refs}>
      ${(r) => html`<${Grants} refs=${r} /><${CampaignList} refs=${r} />`}
    <//>
  </section>`;
}

// ---- grants ----

function Grants({ refs }) {
  const [page, setPage] = useState(1);
  const [starting, setStarting] = useState(false);
  const list = useLoad(() => get('/api/admin/coupon-grants', { page, size: 20 }), [page]);
  const running = Boolean(list.data?.items.some((g) => g.status === 'RUNNING'));
  useEffect(() => {
    if (!running || list.loading) return undefined;
    const timer = setTimeout(list.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, list.loading, list.data]);

  const target = (t) => {
    if (!t) return '—';
    if (t.kind === 'MEMBERS') return tr(`指定 ${formatInt(t.memberCount)} 位会员`, `${formatInt(t.memberCount)} listed members`);
    if (t.kind === 'SEGMENT') return `${tr('分群', 'Segment')}：${segmentName(t.segment)}`;
    return `${tr('等级', 'Level')}：${levelName(refs.levels, t.levelCode)}`;
  };

  return html`<div data-grants>
    <div class="toolbar">
      <h3>${tr('定向发放', 'Grants')}</h3>
      ${running && html`<small class="hint" data-grants-running>${tr('发放中，列表自动刷新…', 'Running; the list refreshes…')}</small>`}
      <span class="spacer"></span>
      ${canWrite() && html`<button type="button" class="primary" onClick=${() => setStarting(true)}>${tr('新建发放', 'New grant')}</button>`}
    </div>
    ${starting && html`<${GrantForm} refs=${refs}
      onDone=${() => { setStarting(false); if (page === 1) list.reload(); else setPage(1); }} onCancel=${() => setStarting(false)} />`}
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('还没有发放记录', 'No grants yet')}
      head=${[tr('编号', 'Id'), tr('内容', 'Reward'), tr('对象', 'Target'), tr('原因', 'Reason'), tr('状态', 'Status'),
        tr('目标', 'Targeted'), tr('已发放', 'Issued'), tr('已跳过', 'Skipped'), tr('失败', 'Failed'), tr('创建时间', 'Created'), tr('完成时间', 'Finished')]}
      row=${(g) => html`<tr data-grant-id=${g.id} data-status=${g.status}>
        <td>${g.id}</td><td>${reward(refs.byId, g.templateId, g.points)}</td><td>${target(g.target)}</td>
        <td class="wrap">${g.reason}</td>
        <td data-cell="status">${label(GRANT_STATUS, g.status)}${g.lastError && html`<small class="field-error" title=${g.lastError}> ⚠ ${g.lastError}</small>`}</td>
        <td class="num">${formatInt(g.targeted)}</td><td class="num" data-cell="issued">${formatInt(g.issued)}</td>
        <td class="num">${formatInt(g.skipped)}</td><td class="num">${formatInt(g.failed)}</td>
        <td>${formatInstant(g.createdAt)}</td><td>${formatInstant(g.finishedAt)}</td>
      </tr>`} />
  </div>`;
}

function GrantForm({ refs, onDone, onCancel }) {
  const [form, setForm] = useState({ templateId: '', points: '', reason: '', kind: 'MEMBERS', memberIds: '', segment: 'AT_RISK', levelCode: '' });
  // one key per submission of this form as it stands: a retry of the same request (after a lost answer)
  // sends the same key and so starts nothing twice; any change to the form makes a new request and key
  const key = useRef(null);
  const change = (next) => {
    key.current = null;
    setForm(next);
  };
  const { submit, busy, error } = useSubmit(async () => {
    const wrong = {};
    let target;
    if (form.kind === 'MEMBERS') {
      const ids = form.memberIds.split(/[\s,，、]+/).filter(Boolean);
      if (ids.length === 0) wrong['target.memberIds'] = tr('请填写会员号', 'List at least one member id');
      else if (ids.some((id) => !/^[1-9]\d*$/.test(id))) wrong['target.memberIds'] = tr('会员号应为数字，用逗号或空格分隔', 'Member ids are numbers, separated by commas or spaces');
      target = { memberIds: ids.map(Number) };
    } else if (form.kind === 'SEGMENT') {
      target = { segment: form.segment };
    } else {
      if (!form.levelCode) wrong['target.levelCode'] = tr('请选择等级', 'Pick a level');
      target = { levelCode: form.levelCode };
    }
    if (!form.templateId && !form.points.trim()) wrong.templateId = tr('请选择优惠券或填写积分（或两者）', 'Pick a coupon, points, or both');
    if (!form.reason.trim()) wrong.reason = tr('请填写原因', 'A reason is required');
    if (Object.keys(wrong).length) throw invalid(wrong);
    const body = { templateId: form.templateId ? Number(form.templateId) : null, points: int(form.points), reason: form.reason.trim(), target };
    if (!key.current) key.current = newKey();
    const grant = await post('/api/admin/coupon-grants', body, { 'Idempotency-Key': key.current });
    key.current = null;
    notice(tr(`发放 #${grant.id} 已开始`, `Grant #${grant.id} started`));
    onDone();
  });
  const errors = error?.fields;
  const set = (name) => (e) => change({ ...form, [name]: e.target.value });

  return html`<form class="card" data-form="grant" onSubmit=${submit} novalidate>
    <h3>${tr('新建发放', 'New grant')}</h3>
    <div class="form-grid">
      <${Field} label=${tr('优惠券（可不选）', 'Coupon (optional)')} name="templateId" errors=${errors}>
        <${TemplateSelect} templates=${refs.templates} value=${form.templateId} onChange=${set('templateId')} /><//>
      <${Field} label=${tr('赠送积分（可不填）', 'Points (optional)')} name="points" errors=${errors}>
        <input name="points" type="number" min="1" value=${form.points} onInput=${set('points')} /><//>
      <${Field} label=${tr('原因', 'Reason')} name="reason" errors=${errors}>
        <input name="reason" maxlength="200" value=${form.reason} onInput=${set('reason')} /><//>
      <${Field} label=${tr('发放对象', 'Target')} name="target" errors=${errors}>
        <select name="kind" value=${form.kind} onChange=${set('kind')}>
          <option value="MEMBERS">${tr('指定会员', 'Listed members')}</option>
          <option value="SEGMENT">${tr('会员分群', 'A segment')}</option>
          <option value="LEVEL">${tr('会员等级', 'A level')}</option>
        </select><//>
      ${form.kind === 'MEMBERS' && html`<${Field} label=${tr('会员号（逗号或空格分隔）', 'Member ids (commas or spaces)')} name="target.memberIds" errors=${errors}>
        <textarea name="memberIds" rows="2" value=${form.memberIds} onInput=${set('memberIds')}></textarea><//>`}
      ${form.kind === 'SEGMENT' && html`<${Field} label=${tr('分群', 'Segment')} name="target.segment" errors=${errors}>
        <${SegmentSelect} value=${form.segment} onChange=${set('segment')} /><//>`}
      ${form.kind === 'LEVEL' && html`<${Field} label=${tr('等级', 'Level')} name="target.levelCode" errors=${errors}>
        <${LevelSelect} levels=${refs.levels} value=${form.levelCode} onChange=${set('levelCode')} /><//>`}
    </div>
    <${FormError} error=${error} />
    <div class="row-actions">
      <button type="submit" class="primary" disabled=${busy}>${tr('开始发放', 'Start grant')}</button>
      <button type="button" class="secondary" onClick=${onCancel}>${tr('取消', 'Cancel')}</button>
    </div>
  </form>`;
}

function TemplateSelect({ templates, value, onChange }) {
  return html`<select name="templateId" value=${value} onChange=${onChange}>
    <option value="">${tr('不发券', 'No coupon')}</option>
    ${templates.map((t) => html`<option value=${String(t.id)} disabled=${!t.enabled && String(t.id) !== value}>
      ${t.name}${t.enabled ? '' : tr('（已下架）', ' (off)')}</option>`)}
  </select>`;
}

function SegmentSelect({ value, onChange }) {
  return html`<select name="segment" value=${value} onChange=${onChange}>
    ${TARGET_SEGMENTS.map(([code, zh, en]) => html`<option value=${code}>${tr(zh, en)}</option>`)}
  </select>`;
}

function LevelSelect({ levels, value, onChange }) {
  return html`<select name="levelCode" value=${value} onChange=${onChange}>
    <option value="">${tr('请选择', 'Pick one')}</option>
    ${levels.map((l) => html`<option value=${l.code}>${l.name} (${l.code})</option>`)}
  </select>`;
}

// ---- campaigns ----

function CampaignList({ refs }) {
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(null);
  const [reporting, setReporting] = useState(null);
  const list = useLoad(() => get('/api/admin/campaigns', { page, size: 20 }), [page]);

  const trigger = (c) => {
    if (c.trigger === 'SEGMENT_ENTERED') return `${label(TRIGGERS, c.trigger)}：${segmentName(c.segment)}`;
    if (c.trigger === 'LEVEL_REACHED') return `${label(TRIGGERS, c.trigger)}：${levelName(refs.levels, c.levelCode)}`;
    return label(TRIGGERS, c.trigger);
  };

  return html`<div data-campaigns>
    <div class="toolbar">
      <h3>${tr('自动营销', 'Campaigns')}</h3>
      <span class="spacer"></span>
      ${canWrite() && html`<button type="button" class="primary" onClick=${() => setEditing({})}>${tr('新建活动', 'New campaign')}</button>`}
    </div>
    ${editing && html`<${CampaignEditor} refs=${refs} campaign=${editing} key=${editing.id || 'new'}
      onDone=${() => { setEditing(null); list.reload(); }} onCancel=${() => setEditing(null)} />`}
    ${reporting && html`<${Report} campaign=${reporting} key=${reporting.id} onClose=${() => setReporting(null)} />`}
    <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('还没有营销活动', 'No campaigns yet')}
      head=${[tr('编号', 'Id'), tr('名称', 'Name'), tr('触发条件', 'Trigger'), tr('奖励', 'Reward'), tr('已奖励 / 预算', 'Rewarded / budget'),
        tr('对照组', 'Holdout'), tr('活动时间', 'Dates'), tr('状态', 'Status'), '']}
      row=${(c) => html`<tr data-campaign-id=${c.id}>
        <td>${c.id}</td><td>${c.name}</td><td>${trigger(c)}</td><td>${reward(refs.byId, c.templateId, c.points)}</td>
        <td class="num">${formatInt(c.rewarded)} / ${formatInt(c.budget)}</td><td class="num">${c.holdoutPercent}%</td>
        <td>${c.startsOn} – ${c.endsOn}</td><td>${c.enabled ? tr('启用', 'On') : tr('停用', 'Off')}</td>
        <td><div class="row-actions">
          ${canWrite() && html`<button type="button" class="link" onClick=${() => { setReporting(null); setEditing(c); }}>${tr('编辑', 'Edit')}</button>`}
          <button type="button" class="link" data-report=${c.id} onClick=${() => { setEditing(null); setReporting(c); }}>${tr('效果', 'Report')}</button>
        </div></td>
      </tr>`} />
  </div>`;
}

function toForm(c) {
  return {
    name: c.name || '', trigger: c.trigger || 'JOINED', segment: c.segment || 'AT_RISK', levelCode: c.levelCode || '',
    templateId: c.templateId ? String(c.templateId) : '', points: c.points ? String(c.points) : '',
    budget: c.budget !== undefined ? String(c.budget) : '', startsOn: c.startsOn || today(), endsOn: c.endsOn || today(30),
    enabled: c.enabled ?? true, holdoutPercent: c.holdoutPercent !== undefined ? String(c.holdoutPercent) : '0',
  };
}

function CampaignEditor({ refs, campaign, onDone, onCancel }) {
  const [form, setForm] = useState(toForm(campaign));
  const { submit, busy, error } = useSubmit(async () => {
    const body = {
      name: form.name.trim(), trigger: form.trigger,
      segment: form.trigger === 'SEGMENT_ENTERED' ? form.segment : null,
      levelCode: form.trigger === 'LEVEL_REACHED' ? form.levelCode || null : null,
      templateId: form.templateId ? Number(form.templateId) : null, points: int(form.points),
      budget: int(form.budget), startsOn: form.startsOn || null, endsOn: form.endsOn || null,
      enabled: form.enabled, holdoutPercent: int(form.holdoutPercent),
    };
    if (campaign.id) await put(`/api/admin/campaigns/${campaign.id}`, body);
    else await post('/api/admin/campaigns', body);
    notice(tr('营销活动已保存', 'Campaign saved'));
    onDone();
  });
  const errors = error?.fields;
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });

  return html`<form class="card" data-form="campaign" onSubmit=${submit} novalidate>
    <h3>${campaign.id ? tr(`编辑：${campaign.name}`, `Edit: ${campaign.name}`) : tr('新建活动', 'New campaign')}</h3>
    <div class="form-grid">
      <${Field} label=${tr('名称', 'Name')} name="name" errors=${errors}><input name="name" maxlength="100" value=${form.name} onInput=${set('name')} /><//>
      <${Field} label=${tr('触发条件', 'Trigger')} name="trigger" errors=${errors}>
        <select name="trigger" value=${form.trigger} onChange=${set('trigger')}>
          ${Object.entries(TRIGGERS).map(([k, v]) => html`<option value=${k}>${tr(...v)}</option>`)}
        </select><//>
      ${form.trigger === 'SEGMENT_ENTERED' && html`<${Field} label=${tr('分群', 'Segment')} name="segment" errors=${errors}>
        <${SegmentSelect} value=${form.segment} onChange=${set('segment')} /><//>`}
      ${form.trigger === 'LEVEL_REACHED' && html`<${Field} label=${tr('等级', 'Level')} name="levelCode" errors=${errors}>
        <${LevelSelect} levels=${refs.levels} value=${form.levelCode} onChange=${set('levelCode')} /><//>`}
      <${Field} label=${tr('优惠券（可不选）', 'Coupon (optional)')} name="templateId" errors=${errors}>
        <${TemplateSelect} templates=${refs.templates} value=${form.templateId} onChange=${set('templateId')} /><//>
      <${Field} label=${tr('赠送积分（可不填）', 'Points (optional)')} name="points" errors=${errors}>
        <input name="points" type="number" min="1" value=${form.points} onInput=${set('points')} /><//>
      <${Field} label=${tr('预算（最多奖励人次）', 'Budget (rewards at most)')} name="budget" errors=${errors}>
        <input name="budget" type="number" min="1" value=${form.budget} onInput=${set('budget')} /><//>
      <${Field} label=${tr('开始日期', 'Starts on')} name="startsOn" errors=${errors}>
        <input name="startsOn" type="date" value=${form.startsOn} onInput=${set('startsOn')} /><//>
      <${Field} label=${tr('结束日期', 'Ends on')} name="endsOn" errors=${errors}>
        <input name="endsOn" type="date" value=${form.endsOn} onInput=${set('endsOn')} /><//>
      <${Field} label=${tr('对照组比例（%，0–50）', 'Holdout (%, 0–50)')} name="holdoutPercent" errors=${errors}
        hint=${tr('这部分会员不发奖励，用来对比效果', 'These members get nothing, to compare against')}>
        <input name="holdoutPercent" type="number" min="0" max="50" value=${form.holdoutPercent} onInput=${set('holdoutPercent')} /><//>
    </div>
    <label class="check"><input type="checkbox" name="enabled" checked=${form.enabled} onChange=${(e) => setForm({ ...form, enabled: e.target.checked })} />
      ${tr('启用', 'Enabled')}</label>
    <${FormError} error=${error} />
    <div class="row-actions">
      <button type="submit" class="primary" disabled=${busy}>${tr('保存', 'Save')}</button>
      <button type="button" class="secondary" onClick=${onCancel}>${tr('取消', 'Cancel')}</button>
    </div>
  </form>`;
}

function Report({ campaign, onClose }) {
  const report = useLoad(() => get(`/api/admin/campaigns/${campaign.id}/report`), [campaign.id]);
  const rate = (g) => (g.members > 0 ? `${((g.cameBack / g.members) * 100).toFixed(1)}%` : '—');
  return html`<div class="card" data-campaign-report=${campaign.id}>
    <div class="toolbar">
      <h3>${tr(`活动效果：${campaign.name}`, `Report: ${campaign.name}`)}</h3>
      <span class="spacer"></span>
      <button type="button" class="link" onClick=${report.reload}>${tr('刷新', 'Refresh')}</button>
      <button type="button" class="secondary" onClick=${onClose}>${tr('关闭', 'Close')}</button>
    </div>
    <${Async} state=${report}>
      ${(r) => html`<div class="figures">
          <div class="figure"><span class="label">${tr('已奖励', 'Rewarded')}</span><strong data-figure="rewarded">${formatInt(r.rewarded)}</strong></div>
          <div class="figure"><span class="label">${tr('对照组（未奖励）', 'Held out')}</span><strong data-figure="heldOut">${formatInt(r.heldOut)}</strong></div>
          <div class="figure"><span class="label">${tr('已跳过', 'Skipped')}</span><strong data-figure="skipped">${formatInt(r.skipped)}</strong>
            <small>${tr('券库存或限领不足', 'stock or limit reached')}</small></div>
          <div class="figure"><span class="label">${tr('券已核销', 'Coupons used')}</span><strong data-figure="couponsUsed">${formatInt(r.couponsUsed)}</strong></div>
        </div>
        <div class="table-wrap"><table data-groups>
          <thead><tr><th></th><th>${tr('奖励组', 'Rewarded')}</th><th>${tr('对照组', 'Held out')}</th></tr></thead>
          <tbody>
            <tr><th>${tr('会员数', 'Members')}</th><td class="num">${formatInt(r.rewardedGroup.members)}</td><td class="num">${formatInt(r.heldOutGroup.members)}</td></tr>
            <tr><th>${tr('30 天内回访', 'Came back in 30 days')}</th>
              <td class="num">${formatInt(r.rewardedGroup.cameBack)} <small>(${rate(r.rewardedGroup)})</small></td>
              <td class="num">${formatInt(r.heldOutGroup.cameBack)} <small>(${rate(r.heldOutGroup)})</small></td></tr>
            <tr><th>${tr('30 天内消费（扣除退款）', 'Spend in 30 days, less refunds')}</th>
              <td class="num">${formatCents(r.rewardedGroup.spendCents)}</td><td class="num">${formatCents(r.heldOutGroup.spendCents)}</td></tr>
          </tbody>
        </table></div>
        <p class="hint">${tr('各组按会员各自触发后的 30 天统计。', 'Each member counts for the 30 days from their own trigger.')}</p>`}
    <//>
  </div>`;
}
