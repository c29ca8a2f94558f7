// Operators' accounts (owners only): the list, a new account with its role (and store for a store
// manager), changing role, store or standing, and setting a new password. The server's refusals
// (USERNAME_TAKEN, LAST_OWNER, validation) show beside the form that caused them.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, int, invalid, post, put } from '../api.js';
import { tr } from '../i18n.js';
import { formatInstant } from '../format.js';
import { Field, FormError, PagedTable, confirmAction, notice, useLoad, useSubmit } from '../ui.js';
import { ROLES, currentMe, roleName } from '../session.js';
import { MIN_PASSWORD } from '../password.js';

export function OperatorsPage() {
  const stores = useLoad(() => get('/api/admin/stores'), []);
  const [page, setPage] = useState(1);
  const list = useLoad(() => get('/api/admin/operators', { page, size: 20 }), [page]);
  const [editing, setEditing] = useState(null);
  const storeName = (id) => (id ? stores.data?.find((s) => s.id === id)?.name || `#${id}` : '—');
  const changed = () => {
    setEditing(null);
    list.reload();
  };

  return html`<section>
    <h2>${tr('操作员', 'Operators')}</h2>
    <div class="card">
      <${PagedTable} state=${list} page=${page} onPage=${setPage} empty=${tr('还没有操作员', 'No operators')}
        head=${[tr('编号', 'Id'), tr('用户名', 'Username'), tr('角色', 'Role'), tr('门店', 'Store'), tr('状态', 'Status'), tr('创建时间', 'Created'), '']}
        row=${(o) => html`<tr data-operator=${o.username} data-enabled=${String(o.enabled)}>
          <td>${o.id}</td><td>${o.username}${o.id === currentMe()?.id ? html` <small>${tr('（我）', '(me)')}</small>` : ''}</td>
          <td data-cell="role">${roleName(o.role)}</td><td>${storeName(o.storeId)}</td>
          <td data-cell="status">${o.enabled ? tr('启用', 'Enabled') : tr('已停用', 'Disabled')}</td><td>${formatInstant(o.createdAt)}</td>
          <td><button type="button" class="link" onClick=${() => setEditing(o)}>${tr('编辑', 'Edit')}</button></td>
        </tr>`} />
    </div>
    ${editing && html`<${EditOperator} key=${editing.id} operator=${editing} stores=${stores.data || []} onDone=${changed} onCancel=${() => setEditing(null)} />`}
    <${CreateOperator} stores=${stores.data || []} onDone=${changed} />
  </section>`;
}

/** A role select and, for a store manager, the store select; the store is sent only for a store manager. */
function RoleAndStore({ form, setForm, stores, errors }) {
  return html`
    <${Field} label=${tr('角色', 'Role')} name="role" errors=${errors}>
      <select name="role" value=${form.role} onChange=${(e) => setForm({ ...form, role: e.target.value })}>
        ${ROLES.map((r) => html`<option value=${r}>${roleName(r)}</option>`)}
      </select><//>
    ${form.role === 'STORE_MANAGER' && html`<${Field} label=${tr('管理的门店', 'Store managed')} name="storeId" errors=${errors}>
      <select name="storeId" value=${form.storeId} onChange=${(e) => setForm({ ...form, storeId: e.target.value })}>
        <option value="">${tr('选择门店', 'Choose a store')}</option>
        ${stores.map((s) => html`<option value=${String(s.id)}>${s.name}</option>`)}
      </select><//>`}`;
}

const storeOf = (form) => (form.role === 'STORE_MANAGER' ? int(form.storeId) : null);

function CreateOperator({ stores, onDone }) {
  const empty = { username: '', password: '', role: 'OPERATOR', storeId: '' };
  const [form, setForm] = useState(empty);
  const { submit, busy, error } = useSubmit(async () => {
    if (form.password.length < MIN_PASSWORD) throw invalid({ password: tr(`密码至少 ${MIN_PASSWORD} 个字符`, `At least ${MIN_PASSWORD} characters`) });
    const created = await post('/api/admin/operators', { username: form.username.trim(), password: form.password, role: form.role, storeId: storeOf(form) });
    notice(tr(`操作员 ${created.username} 已创建`, `Operator ${created.username} created`));
    setForm(empty);
    onDone();
  });
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  return html`<form class="card inline-form" data-form="create-operator" onSubmit=${submit} novalidate>
    <h3>${tr('新建操作员', 'New operator')}</h3>
    <${Field} label=${tr('用户名', 'Username')} name="username" errors=${error?.fields}>
      <input name="username" autocomplete="off" value=${form.username} onInput=${set('username')} /><//>
    <${Field} label=${tr(`初始密码（至少 ${MIN_PASSWORD} 位）`, `Password (${MIN_PASSWORD}+ characters)`)} name="password" errors=${error?.fields}>
      <input name="password" type="password" autocomplete="new-password" value=${form.password} onInput=${set('password')} /><//>
    <${RoleAndStore} form=${form} setForm=${setForm} stores=${stores} errors=${error?.fields} />
    <button type="submit" class="primary" disabled=${busy}>${tr('创建操作员', 'Create operator')}</button>
    <${FormError} error=${error} />
  </form>`;
}

function EditOperator({ operator, stores, onDone, onCancel }) {
  const [form, setForm] = useState({ role: operator.role, storeId: operator.storeId ? String(operator.storeId) : '', enabled: operator.enabled });
  const save = useSubmit(async () => {
    if (operator.enabled && !form.enabled && !(await confirmAction(
      tr(`停用 ${operator.username}？其登录立即失效。`, `Disable ${operator.username}? Their login stops working at once.`), tr('停用', 'Disable')))) return;
    await put(`/api/admin/operators/${operator.id}`, { role: form.role, storeId: storeOf(form), enabled: form.enabled });
    notice(tr(`${operator.username} 已保存`, `${operator.username} saved`));
    onDone();
  });
  const [password, setPassword] = useState('');
  const reset = useSubmit(async () => {
    if (password.length < MIN_PASSWORD) throw invalid({ password: tr(`密码至少 ${MIN_PASSWORD} 个字符`, `At least ${MIN_PASSWORD} characters`) });
    if (!(await confirmAction(tr(`为 ${operator.username} 设置新密码？其登录立即失效。`, `Set a new password for ${operator.username}? Their login stops working at once.`),
      tr('设置新密码', 'Set password')))) return;
    await post(`/api/admin/operators/${operator.id}/password`, { password });
    notice(tr(`${operator.username} 的密码已重置`, `${operator.username}'s password was reset`));
    setPassword('');
  });
  return html`<div class="card" data-editor=${operator.username}>
    <h3>${tr(`编辑 ${operator.username}`, `Edit ${operator.username}`)}</h3>
    <form class="inline-form" data-form="edit-operator" onSubmit=${save.submit} novalidate>
      <${RoleAndStore} form=${form} setForm=${setForm} stores=${stores} errors=${save.error?.fields} />
      <label class="check"><input type="checkbox" name="enabled" checked=${form.enabled}
        onChange=${(e) => setForm({ ...form, enabled: e.target.checked })} /> ${tr('启用', 'Enabled')}</label>
      <button type="submit" class="primary" disabled=${save.busy}>${tr('保存', 'Save')}</button>
      <button type="button" class="secondary" onClick=${onCancel}>${tr('取消', 'Cancel')}</button>
      <${FormError} error=${save.error} />
    </form>
    <form class="inline-form" data-form="reset-password" onSubmit=${reset.submit} novalidate>
      <${Field} label=${tr(`新密码（至少 ${MIN_PASSWORD} 位）`, `New password (${MIN_PASSWORD}+ characters)`)} name="password" errors=${reset.error?.fields}>
        <input name="password" type="password" autocomplete="new-password" value=${password} onInput=${(e) => setPassword(e.target.value)} /><//>
      <button type="submit" class="secondary" disabled=${reset.busy}>${tr('重置密码', 'Reset password')}</button>
      <${FormError} error=${reset.error} />
    </form>
  </div>`;
}
