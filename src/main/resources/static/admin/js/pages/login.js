// Operator login: the token goes to sessionStorage, so closing the tab logs out.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { ApiError, api, auth } from '../api.js';
import { currentLang, tr } from '../i18n.js';
import { Field } from '../ui.js';

export function LoginPage({ message, onLang }) {
  const [form, setForm] = useState({ username: '', password: '' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // with no #/path the console opens the first page the operator's role may use
      auth.save(await api('POST', '/api/admin/auth/login', { body: form }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401
        ? new ApiError(401, { detail: tr('用户名或密码不正确。', 'Wrong username or password.') }) : err);
    } finally {
      setBusy(false);
    }
  }

  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  return html`<div class="login">
    <form class="card login-card" onSubmit=${submit}>
      <h1>${tr('会员运营后台', 'Loyalty console')}</h1>
      ${message && html`<p class="state warning" role="alert" data-login-message>${message}</p>`}
      <${Field} label=${tr('用户名', 'Username')} name="username" errors=${error?.fields}>
        <input name="username" autocomplete="username" required value=${form.username} onInput=${set('username')} />
      <//>
      <${Field} label=${tr('密码', 'Password')} name="password" errors=${error?.fields}>
        <input name="password" type="password" autocomplete="current-password" required value=${form.password} onInput=${set('password')} />
      <//>
      ${error && !Object.keys(error.fields).length && html`<p class="state error" role="alert">${error.message}</p>`}
      <button type="submit" class="primary" disabled=${busy}>${busy ? tr('登录中…', 'Logging in…') : tr('登录', 'Log in')}</button>
      <button type="button" class="link" onClick=${onLang}>${currentLang() === 'zh' ? 'English' : '中文'}</button>
    </form>
  </div>`;
}
