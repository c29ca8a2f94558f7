// Coupons: templates with stock left, issued and used; an editor whose fields follow the type;
// a coupon looked up by its code, and revoking an unused one after a confirmation.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, int, invalid, post, put } from '../api.js';
import { tr } from '../i18n.js';
import { centsToYuanText, formatInstant, formatInt, formatCents, parseYuan } from '../format.js';
import { Async, ErrorBox, Field, FormError, ListTable, confirmAction, notice, useLoad, useSubmit } from '../ui.js';
import { canWrite } from '../session.js';

const STATUS = { UNUSED: ['未使用', 'Unused'], USED: ['已核销', 'Used'], EXPIRED: ['已过期', 'Expired'], REVOKED: ['已撤销', 'Revoked'] };
const TYPES = { CASH: ['满减券', 'Cash off'], DISCOUNT: ['折扣券', 'Discount'], GIFT: ['礼品券', 'Gift'] };

export function couponStatusName(status) {
  return STATUS[status] ? tr(...STATUS[status]) : status;
}

function typeName(type) {
  return TYPES[type] ? tr(...TYPES[type]) : type;
}

/** What a template gives, in words: "满¥100.00减¥10.00", "8.5折（最多减¥20.00）". */
function benefit(t) {
  const over = t.thresholdCents > 0 ? tr(`满${formatCents(t.thresholdCents)}`, `over ${formatCents(t.thresholdCents)}, `) : '';
  if (t.type === 'CASH') return `${over}${tr('减', 'take off ')}${formatCents(t.discountCents)}`;
  if (t.type === 'DISCOUNT') {
    const cap = t.maxDiscountCents > 0 ? tr(`（最多减${formatCents(t.maxDiscountCents)}）`, ` (at most ${formatCents(t.maxDiscountCents)})`) : '';
    return `${over}${tr(`减 ${t.discountPercent}%`, `${t.discountPercent}% off`)}${cap}`;
  }
  return `${over}${tr('礼品', 'a gift')}`;
}

export function CouponsPage() {
  const hashCode = new URLSearchParams(window.location.hash.split('?')[1] || '').get('code') || '';
  const templates = useLoad(() => Promise.all([get('/api/admin/coupon-templates'), get('/api/admin/coupon-templates/counts')])
    .then(([list, counts]) => {
      const byTemplate = Object.fromEntries(counts.map((c) => [c.templateId, c]));
      return list.map((t) => ({ ...t, issued: byTemplate[t.id]?.issued ?? 0, used: byTemplate[t.id]?.used ?? 0 }));
    }), []);
  const [editing, setEditing] = useState(null);

  return html`<section>
    <h2>${tr('优惠券', 'Coupons')}</h2>
    <${Lookup} initial=${hashCode} />
    <div class="toolbar">
      <h3>${tr('优惠券模板', 'Templates')}</h3>
      <span class="spacer"></span>
      ${canWrite() && html`<button type="button" class="primary" onClick=${() => setEditing({})}>${tr('新建优惠券', 'New template')}</button>`}
    </div>
    ${editing && html`<${Editor} template=${editing} key=${editing.id || 'new'}
      onDone=${() => { setEditing(null); templates.reload(); }} onCancel=${() => setEditing(null)} />`}
    <${ListTable} state=${templates} empty=${tr('还没有优惠券模板', 'No templates yet')}
      head=${[tr('名称', 'Name'), tr('类型', 'Type'), tr('优惠', 'Benefit'), tr('兑换积分', 'Points'), tr('库存', 'Stock'),
        tr('剩余', 'Left'), tr('已发放', 'Issued'), tr('已核销', 'Used'), tr('有效期', 'Validity'), tr('状态', 'Status'), ...(canWrite() ? [''] : [])]}
      row=${(t) => html`<tr data-template-id=${t.id}>
        <td>${t.name}</td><td>${typeName(t.type)}</td><td>${benefit(t)}</td>
        <td class="num">${formatInt(t.pointsPrice)}</td><td class="num">${formatInt(t.totalStock)}</td>
        <td class="num">${formatInt(t.stockLeft)}</td><td class="num">${formatInt(t.issued)}</td><td class="num">${formatInt(t.used)}</td>
        <td>${t.validDays ? tr(`领取后 ${t.validDays} 天`, `${t.validDays} days`) : `${t.validFrom} – ${t.validTo}`}</td>
        <td>${t.enabled ? tr('上架', 'On') : tr('下架', 'Off')}</td>
        ${canWrite() && html`<td><button type="button" class="link" onClick=${() => setEditing(t)}>${tr('编辑', 'Edit')}</button></td>`}
      </tr>`} />
  </section>`;
}

function toForm(t) {
  return {
    name: t.name || '', type: t.type || 'CASH',
    threshold: t.thresholdCents ? centsToYuanText(t.thresholdCents) : '',
    discount: t.discountCents ? centsToYuanText(t.discountCents) : '',
    discountPercent: t.discountPercent ? String(t.discountPercent) : '',
    maxDiscount: t.maxDiscountCents ? centsToYuanText(t.maxDiscountCents) : '',
    pointsPrice: t.pointsPrice !== undefined ? String(t.pointsPrice) : '',
    totalStock: t.totalStock !== undefined ? String(t.totalStock) : '',
    perMemberLimit: t.perMemberLimit !== undefined ? String(t.perMemberLimit) : '1',
    validity: t.validFrom ? 'window' : 'days',
    validDays: t.validDays ? String(t.validDays) : '', validFrom: t.validFrom || '', validTo: t.validTo || '',
    storeIds: t.storeIds || [], enabled: t.enabled ?? true,
  };
}

function Editor({ template, onDone, onCancel }) {
  const [form, setForm] = useState(toForm(template));
  const stores = useLoad(() => get('/api/admin/stores'), []);
  const { submit, busy, error } = useSubmit(async () => {
    const wrong = {};
    const yuan = (value, field, required) => {
      if (!value.trim() && !required) return 0;
      const cents = parseYuan(value);
      if (cents === null) wrong[field] = tr('请输入金额，如 10 或 9.90', 'An amount such as 10 or 9.90');
      return cents;
    };
    const body = {
      name: form.name.trim(), type: form.type,
      thresholdCents: yuan(form.threshold, 'thresholdCents', false),
      discountCents: form.type === 'CASH' ? yuan(form.discount, 'discountCents', true) : 0,
      discountPercent: form.type === 'DISCOUNT' ? int(form.discountPercent) : null,
      maxDiscountCents: form.type === 'DISCOUNT' ? yuan(form.maxDiscount, 'maxDiscountCents', false) : 0,
      pointsPrice: int(form.pointsPrice), totalStock: int(form.totalStock), perMemberLimit: int(form.perMemberLimit),
      validDays: form.validity === 'days' ? int(form.validDays) : null,
      validFrom: form.validity === 'window' ? form.validFrom || null : null,
      validTo: form.validity === 'window' ? form.validTo || null : null,
      storeIds: form.storeIds, enabled: form.enabled,
    };
    if (Object.keys(wrong).length) throw invalid(wrong);
    if (template.id) await put(`/api/admin/coupon-templates/${template.id}`, body);
    else await post('/api/admin/coupon-templates', body);
    notice(tr('优惠券模板已保存', 'Template saved'));
    onDone();
  });
  const errors = error?.fields;
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const toggleStore = (id) => setForm({ ...form, storeIds: form.storeIds.includes(id) ? form.storeIds.filter((s) => s !== id) : [...form.storeIds, id] });

  return html`<form class="card" data-form="coupon-template" onSubmit=${submit} novalidate>
    <h3>${template.id ? tr(`编辑：${template.name}`, `Edit: ${template.name}`) : tr('新建优惠券', 'New template')}</h3>
    <div class="form-grid">
      <${Field} label=${tr('名称', 'Name')} name="name" errors=${errors}><input name="name" value=${form.name} onInput=${set('name')} /><//>
      <${Field} label=${tr('类型', 'Type')} name="type" errors=${errors}>
        <select name="type" value=${form.type} onChange=${set('type')}>
          ${Object.entries(TYPES).map(([k, v]) => html`<option value=${k}>${tr(...v)}</option>`)}
        </select><//>
      <${Field} label=${tr('使用门槛（元，0 为无门槛）', 'Minimum spend (yuan)')} name="thresholdCents" errors=${errors}>
        <input name="threshold" inputmode="decimal" value=${form.threshold} onInput=${set('threshold')} /><//>
      ${form.type === 'CASH' && html`<${Field} label=${tr('减免金额（元）', 'Takes off (yuan)')} name="discountCents" errors=${errors}>
        <input name="discount" inputmode="decimal" value=${form.discount} onInput=${set('discount')} /><//>`}
      ${form.type === 'DISCOUNT' && html`<${Field} label=${tr('优惠比例（%，1–99）', 'Percent off (1–99)')} name="discountPercent" errors=${errors}>
        <input name="discountPercent" type="number" min="1" max="99" value=${form.discountPercent} onInput=${set('discountPercent')} /><//>`}
      ${form.type === 'DISCOUNT' && html`<${Field} label=${tr('最多减（元，0 为不限）', 'At most (yuan, 0: no cap)')} name="maxDiscountCents" errors=${errors}>
        <input name="maxDiscount" inputmode="decimal" value=${form.maxDiscount} onInput=${set('maxDiscount')} /><//>`}
      <${Field} label=${tr('兑换所需积分', 'Price in points')} name="pointsPrice" errors=${errors}>
        <input name="pointsPrice" type="number" min="0" value=${form.pointsPrice} onInput=${set('pointsPrice')} /><//>
      <${Field} label=${tr('总库存', 'Total stock')} name="totalStock" errors=${errors}>
        <input name="totalStock" type="number" min="0" value=${form.totalStock} onInput=${set('totalStock')} /><//>
      <${Field} label=${tr('每人限领', 'Per member')} name="perMemberLimit" errors=${errors}>
        <input name="perMemberLimit" type="number" min="1" value=${form.perMemberLimit} onInput=${set('perMemberLimit')} /><//>
      <${Field} label=${tr('有效期方式', 'Validity')} name="validity">
        <select name="validity" value=${form.validity} onChange=${set('validity')}>
          <option value="days">${tr('领取后 N 天', 'N days after claiming')}</option>
          <option value="window">${tr('固定日期', 'Fixed dates')}</option>
        </select><//>
      ${form.validity === 'days' ? html`<${Field} label=${tr('有效天数', 'Days')} name="validDays" errors=${errors}>
          <input name="validDays" type="number" min="1" value=${form.validDays} onInput=${set('validDays')} /><//>`
        : html`<${Field} label=${tr('开始日期', 'From')} name="validFrom" errors=${errors}>
          <input name="validFrom" type="date" value=${form.validFrom} onInput=${set('validFrom')} /><//>
        <${Field} label=${tr('结束日期', 'To')} name="validTo" errors=${errors}>
          <input name="validTo" type="date" value=${form.validTo} onInput=${set('validTo')} /><//>`}
    </div>
    <${Field} label=${tr('适用门店（不选为全部门店）', 'Stores (none: every store)')} name="storeIds" errors=${errors}>
      <${Async} state=${stores} isEmpty=${(s) => s.length === 0} empty=${tr('还没有门店', 'No stores yet')}>
        ${(list) => html`<div class="row-actions">${list.map((s) => html`<label class="check">
          <input type="checkbox" checked=${form.storeIds.includes(s.id)} onChange=${() => toggleStore(s.id)} /> ${s.name}</label>`)}</div>`}
      <//>
    <//>
    <label class="check"><input type="checkbox" name="enabled" checked=${form.enabled} onChange=${(e) => setForm({ ...form, enabled: e.target.checked })} />
      ${tr('上架（会员可在积分商城兑换）', 'On sale in the points mall')}</label>
    <${FormError} error=${error} />
    <div class="row-actions">
      <button type="submit" class="primary" disabled=${busy}>${tr('保存', 'Save')}</button>
      <button type="button" class="secondary" onClick=${onCancel}>${tr('取消', 'Cancel')}</button>
    </div>
  </form>`;
}

function Lookup({ initial }) {
  const [code, setCode] = useState(initial);
  const [found, setFound] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function find(e, text = code) {
    if (e) e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setFound(await get('/api/admin/coupons/lookup', { code: text.trim() }));
    } catch (err) {
      setFound(null);
      setError(err.status === 404 ? Object.assign(err, { message: tr('没有这个券码', 'No coupon has this code') }) : err);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    const c = found.coupon;
    if (!await confirmAction(tr(`撤销券 ${c.code}？会员的积分会退回，库存也会恢复。`, `Revoke ${c.code}? The member gets the points back and the stock returns.`), tr('撤销', 'Revoke'))) return;
    try {
      const result = await post(`/api/admin/coupons/${c.id}/revoke`);
      notice(tr(`已撤销，退回 ${formatInt(result.pointsReturned)} 积分`, `Revoked; ${formatInt(result.pointsReturned)} points returned`));
      await find(null, c.code);
    } catch (err) {
      setError(err);
    }
  }

  useEffect(() => { if (initial) find(null, initial); }, []);
  const c = found?.coupon;
  return html`<div class="card">
    <h3>${tr('按券码查询', 'Find a coupon by code')}</h3>
    <form class="toolbar" onSubmit=${find}>
      <input name="code" placeholder=${tr('12 位券码或二维码内容', '12-character code or QR payload')} value=${code} onInput=${(e) => setCode(e.target.value)} />
      <button type="submit" class="primary" disabled=${busy}>${tr('查询', 'Find')}</button>
    </form>
    <${ErrorBox} error=${error} />
    ${c && html`<dl class="facts member-summary" data-coupon>
      <div><dt>${tr('券码', 'Code')}</dt><dd><code>${c.code}</code></dd></div>
      <div><dt>${tr('名称', 'Name')}</dt><dd>${c.name}</dd></div>
      <div><dt>${tr('状态', 'Status')}</dt><dd>${couponStatusName(c.status)}</dd></div>
      <div><dt>${tr('会员', 'Member')}</dt><dd><a href=${`#/members/${found.memberId}`}>#${found.memberId}</a></dd></div>
      <div><dt>${tr('有效期', 'Valid')}</dt><dd>${formatInstant(c.validFrom)} – ${formatInstant(c.validTo)}</dd></div>
      <div><dt>${tr('核销', 'Used')}</dt><dd>${c.usedAt ? `${formatInstant(c.usedAt)} · ${tr('门店', 'store')} #${c.storeId}` : '—'}</dd></div>
      ${c.status === 'UNUSED' && canWrite() && html`<div><dt> </dt><dd><button type="button" class="danger" onClick=${revoke}>${tr('撤销此券', 'Revoke')}</button></dd></div>`}
    </dl>`}
  </div>`;
}
