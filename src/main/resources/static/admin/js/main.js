// The console's shell: log in, then a side menu and the page the address's #/path names.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { auth } from './api.js';
import { currentLang, setLang, tr } from './i18n.js';
import { Overlays } from './ui.js';
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
import { AuditPage } from './pages/audit.js';

const MENU = [
  ['#/dashboard', '数据概览', 'Dashboard'],
  ['#/members', '会员', 'Members'],
  ['#/rules', '规则', 'Rules'],
  ['#/coupons', '优惠券', 'Coupons'],
  ['#/campaigns', '营销活动', 'Campaigns'],
  ['#/stores', '门店与店员', 'Stores & staff'],
  ['#/rebates', '返点', 'Rebates'],
  ['#/notifications', '消息通知', 'Notifications'],
  ['#/audit', '操作日志', 'Audit log'],
];

function route(hash) {
  const [path, search = ''] = (hash || '#/dashboard').split('?');
  const params = Object.fromEntries(new URLSearchParams(search));
  const member = /^#\/members\/(\d+)$/.exec(path);
  if (member) return html`<${MemberPage} id=${Number(member[1])} />`;
  switch (path) {
    case '#/members': return html`<${MembersPage} params=${params} />`;
    case '#/rules': return html`<${RulesPage} />`;
    case '#/coupons': return html`<${CouponsPage} />`;
    case '#/campaigns': return html`<${CampaignsPage} />`;
    case '#/stores': return html`<${StoresPage} />`;
    case '#/rebates': return html`<${RebatesPage} />`;
    case '#/notifications': return html`<${NotificationsPage} />`;
    case '#/audit': return html`<${AuditPage} />`;
    default: return html`<${DashboardPage} />`;
  }
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

function Shell({ onLang }) {
  const hash = useHash();
  const [menuOpen, setMenuOpen] = useState(false);
  const active = (href) => hash === href || hash.startsWith(`${href}/`) || hash.startsWith(`${href}?`)
    || (!hash && href === '#/dashboard');
  return html`<div class=${`shell${menuOpen ? ' menu-open' : ''}`}>
    <header class="topbar">
      <button type="button" class="menu-toggle" aria-label=${tr('菜单', 'Menu')} onClick=${() => setMenuOpen(!menuOpen)}>☰</button>
      <span class="brand">${tr('会员运营后台', 'Loyalty console')}</span>
      <span class="spacer"></span>
      <button type="button" class="link" onClick=${onLang}>${currentLang() === 'zh' ? 'English' : '中文'}</button>
      <button type="button" class="secondary" data-logout onClick=${() => auth.logout()}>${tr('退出登录', 'Log out')}</button>
    </header>
    <nav class="sidebar" onClick=${() => setMenuOpen(false)}>
      ${MENU.map(([href, zh, en]) => html`<a href=${href} class=${active(href) ? 'active' : ''}>${tr(zh, en)}</a>`)}
    </nav>
    <main class="content">${route(hash)}</main>
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
