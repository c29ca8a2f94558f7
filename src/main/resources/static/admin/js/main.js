// The console's shell: log in, then a side menu and the page the address's #/path names.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { auth, get } from './api.js';
import { currentLang, setLang, tr } from './i18n.js';
import { ErrorBox, Loading, Overlays, useLoad } from './ui.js';
import { canSee, roleName, setMe } from './session.js';
import { PasswordDialog } from './password.js';
import { LoginPage } from './pages/login.js';
import { DashboardPage } from './pages/dashboard.js';
import { MembersPage } from './pages/members.js';
import { MemberPage } from './pages/member.js';
import { RulesPage } from './pages/rules.js';
import { CouponsPage } from './pages/coupons.js';
import { CampaignsPage } from './pages/campaigns.js';
import { StoresPage } from './pages/stores.js';
import { RebatesPage } from './pages/rebates.js';
import { NotificationsPage } from './pages/notifications.js';
import { WebhooksPage } from './pages/webhooks.js';
import { AuditPage } from './pages/audit.js';
import { ActivityPage } from './pages/activity.js';
import { OperatorsPage } from './pages/operators.js';
import { DriftBanner, IntegrityPage } from './pages/integrity.js';

const MENU = [
  ['#/dashboard', '数据概览', 'Dashboard'],
  ['#/members', '会员', 'Members'],
  ['#/rules', '规则', 'Rules'],
  ['#/coupons', '优惠券', 'Coupons'],
  ['#/campaigns', '营销活动', 'Campaigns'],
  ['#/stores', '门店与店员', 'Stores & staff'],
  ['#/activity', '门店流水', 'Store activity'],
  ['#/rebates', '返点', 'Rebates'],
  ['#/notifications', '消息通知', 'Notifications'],
  ['#/webhooks', '网络钩子', 'Webhooks'],
  ['#/audit', '操作日志', 'Audit log'],
  ['#/integrity', '账目核对', 'Books check'],
  ['#/operators', '操作员', 'Operators'],
];

const PAGES = {
  '#/dashboard': () => html`<${DashboardPage} />`,
  '#/members': (params) => html`<${MembersPage} params=${params} />`,
  '#/rules': () => html`<${RulesPage} />`,
  '#/coupons': () => html`<${CouponsPage} />`,
  '#/campaigns': () => html`<${CampaignsPage} />`,
  '#/stores': () => html`<${StoresPage} />`,
  '#/activity': (params) => html`<${ActivityPage} params=${params} />`,
  '#/rebates': () => html`<${RebatesPage} />`,
  '#/notifications': () => html`<${NotificationsPage} />`,
  '#/webhooks': () => html`<${WebhooksPage} />`,
  '#/audit': () => html`<${AuditPage} />`,
  '#/integrity': () => html`<${IntegrityPage} />`,
  '#/operators': () => html`<${OperatorsPage} />`,
};

const pageKey = (href) => href.slice(2);
const menuFor = () => MENU.filter(([href]) => canSee(pageKey(href)));
/** Where the console opens: the dashboard, or the first page the role may use. */
const home = () => (menuFor()[0] || ['#/members'])[0];

function NotAvailable() {
  return html`<section data-not-available>
    <h2>${tr('无法使用此页面', 'Not available')}</h2>
    <p class="state warning" role="alert">${tr('抱歉，这个页面不对你的角色开放。', 'Sorry, this page is not available for your role.')}</p>
    <p><a href=${home()}>${tr('返回首页', 'Back to the start page')}</a></p>
  </section>`;
}

function route(hash) {
  const [path, search = ''] = (hash || home()).split('?');
  const params = Object.fromEntries(new URLSearchParams(search));
  const member = /^#\/members\/(\d+)$/.exec(path);
  if (member) return canSee('members') ? html`<${MemberPage} id=${Number(member[1])} />` : html`<${NotAvailable} />`;
  const page = PAGES[path] ? path : home();
  return canSee(pageKey(page)) ? PAGES[page](params) : html`<${NotAvailable} />`;
}

function useHash() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Reads who is logged in before anything else: the menu and the pages follow their role. */
function Shell({ onLang }) {
  const me = useLoad(() => get('/api/admin/me'), []);
  useEffect(() => () => setMe(null), []);
  if (!me.data) {
    return html`<div class="boot-shell">
      ${me.error ? html`<${ErrorBox} error=${me.error} onRetry=${me.reload} />` : html`<${Loading} />`}
      <button type="button" class="secondary" data-logout onClick=${() => auth.logout()}>${tr('退出登录', 'Log out')}</button>
    </div>`;
  }
  setMe(me.data);
  return html`<${Console} me=${me.data} onLang=${onLang} />`;
}

function Console({ me, onLang }) {
  const hash = useHash();
  const [menuOpen, setMenuOpen] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const current = hash || home();
  const active = (href) => current === href || current.startsWith(`${href}/`) || current.startsWith(`${href}?`);
  return html`<div class=${`shell${menuOpen ? ' menu-open' : ''}`}>
    <header class="topbar">
      <button type="button" class="menu-toggle" aria-label=${tr('菜单', 'Menu')} onClick=${() => setMenuOpen(!menuOpen)}>☰</button>
      <span class="brand">${tr('会员运营后台', 'Loyalty console')}</span>
      <span class="spacer"></span>
      <span class="who" data-me data-role=${me.role}>
        <strong data-username>${me.username}</strong>
        <span class="role" data-role-name>${roleName(me.role)}</span>
        ${me.storeName && html`<small>${me.storeName}</small>`}
      </span>
      <button type="button" class="link" data-change-password onClick=${() => setChangingPassword(true)}>${tr('修改密码', 'Change password')}</button>
      <button type="button" class="link" onClick=${onLang}>${currentLang() === 'zh' ? 'English' : '中文'}</button>
      <button type="button" class="secondary" data-logout onClick=${() => auth.logout()}>${tr('退出登录', 'Log out')}</button>
    </header>
    <nav class="sidebar" onClick=${() => setMenuOpen(false)}>
      ${menuFor().map(([href, zh, en]) => html`<a href=${href} class=${active(href) ? 'active' : ''}>${tr(zh, en)}</a>`)}
    </nav>
    <main class="content">${canSee('integrity') && html`<${DriftBanner} />`}${route(hash)}</main>
    ${changingPassword && html`<${PasswordDialog} onClose=${() => setChangingPassword(false)} />`}
  </div>`;
}

function App() {
  const [login, setLogin] = useState(() => auth.initial());
  const [lang, setLangState] = useState(currentLang());
  useEffect(() => auth.subscribe(setLogin), []);
  const toggleLang = () => {
    setLang(lang === 'zh' ? 'en' : 'zh');
    setLangState(currentLang());
  };
  return html`<div key=${lang}>
    ${login.loggedIn ? html`<${Shell} onLang=${toggleLang} />` : html`<${LoginPage} message=${login.message} onLang=${toggleLang} />`}
    <${Overlays} />
  </div>`;
}

setLang(currentLang());
const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
