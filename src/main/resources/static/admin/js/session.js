// Who is logged in (GET /api/admin/me) and what their role lets the console show. The server decides
// what each role may do; these checks only keep the console from offering what it would refuse.
import { tr } from './i18n.js';

const ROLE_NAMES = {
  OWNER: ['所有者', 'Owner'],
  OPERATOR: ['运营', 'Operator'],
  STORE_MANAGER: ['店长', 'Store manager'],
  AUDITOR: ['审计', 'Auditor'],
};

export const ROLES = Object.keys(ROLE_NAMES);

export function roleName(role) {
  const names = ROLE_NAMES[role];
  return names ? tr(names[0], names[1]) : role || '—';
}

/** The pages each role may open, by the key of their #/path. */
const PAGES = {
  OWNER: null, // every page
  OPERATOR: ['dashboard', 'members', 'rules', 'coupons', 'campaigns', 'stores', 'activity', 'rebates', 'notifications', 'webhooks', 'audit', 'integrity'],
  AUDITOR: ['dashboard', 'members', 'rules', 'coupons', 'campaigns', 'stores', 'activity', 'rebates', 'notifications', 'webhooks', 'audit', 'integrity'],
  STORE_MANAGER: ['members', 'stores', 'activity'],
};

let me = null;

/** Set by the shell once /api/admin/me has answered; null after logout. */
export function setMe(value) {
  me = value;
}

export function currentMe() {
  return me;
}

/** May the operator open the page #/<key>? */
export function canSee(key) {
  if (!me) return false;
  const pages = PAGES[me.role];
  if (pages === null) return true;
  return Boolean(pages && pages.includes(key));
}

/** Changes to rules, coupons, campaigns, members, rebates, notifications, webhooks, stores and jobs. */
export function canWrite() {
  return me?.role === 'OWNER' || me?.role === 'OPERATOR';
}

/** Binding and unbinding staff: operators for every store, a store manager for their own. */
export function canManageStaff() {
  return canWrite() || me?.role === 'STORE_MANAGER';
}

/** A store manager sees one store only: its id, else null. */
export function ownStoreId() {
  return me?.role === 'STORE_MANAGER' ? me.storeId : null;
}

/** Member details beyond the summary (ledgers, coupons, calendar) are not a store manager's. */
export function canSeeMemberHistory() {
  return Boolean(me) && me.role !== 'STORE_MANAGER';
}

/** A member's data export: every role that reads member histories (not a store manager). */
export function canExportMember() {
  return canSeeMemberHistory();
}
