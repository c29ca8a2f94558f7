// The operator's own password, from the header: old, new and the new one again. The server answers a new
// token (every older token of this operator stops working), which replaces the stored one.
import { useState } from 'preact/hooks';
import { html } from './html.js';
import { auth, invalid, post } from './api.js';
import { tr } from './i18n.js';
import { Field, FormError, notice, useSubmit } from './ui.js';

export const MIN_PASSWORD = 12;

export function PasswordDialog({ onClose }) {
  const [form, setForm] = useState({ oldPassword: '', newPassword: '', repeat: '' });
  const { submit, busy, error } = useSubmit(async () => {
    const wrong = {};
    if (!form.oldPassword) wrong.oldPassword = tr('请输入当前密码', 'Your current password is required');
    if (form.newPassword.length < MIN_PASSWORD) wrong.newPassword = tr(`新密码至少 ${MIN_PASSWORD} 个字符`, `At least ${MIN_PASSWORD} characters`);
    else if (form.repeat !== form.newPassword) wrong.repeat = tr('两次输入的新密码不一致', 'The two new passwords differ');
    if (Object.keys(wrong).length) throw invalid(wrong);
    auth.save(await post('/api/admin/me/password', { oldPassword: form.oldPassword, newPassword: form.newPassword }));
    notice(tr('密码已修改', 'Password changed'));
    onClose();
  });
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  return html`<div class="modal-backdrop">
    <form class="modal" role="dialog" aria-modal="true" aria-label=${tr('修改密码', 'Change password')} data-form="own-password" onSubmit=${submit} novalidate>
      <h3>${tr('修改密码', 'Change password')}</h3>
      <${Field} label=${tr('当前密码', 'Current password')} name="oldPassword" errors=${error?.fields}>
        <input name="oldPassword" type="password" autocomplete="current-password" value=${form.oldPassword} onInput=${set('oldPassword')} /><//>
      <${Field} label=${tr('新密码', 'New password')} name="newPassword" errors=${error?.fields}
        hint=${tr(`至少 ${MIN_PASSWORD} 个字符；修改后其他已登录的窗口需要重新登录`, `At least ${MIN_PASSWORD} characters; other open sessions will have to log in again`)}>
        <input name="newPassword" type="password" autocomplete="new-password" value=${form.newPassword} onInput=${set('newPassword')} /><//>
      <${Field} label=${tr('再次输入新密码', 'New password again')} name="repeat" errors=${error?.fields}>
        <input name="repeat" type="password" autocomplete="new-password" value=${form.repeat} onInput=${set('repeat')} /><//>
      <${FormError} error=${error} />
      <div class="actions">
        <button type="button" class="secondary" onClick=${onClose}>${tr('取消', 'Cancel')}</button>
        <button type="submit" class="primary" disabled=${busy}>${tr('修改密码', 'Change password')}</button>
      </div>
    </form>
  </div>`;
}
