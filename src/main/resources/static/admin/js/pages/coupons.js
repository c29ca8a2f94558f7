import { html } from '../html.js';
import { tr } from '../i18n.js';

export function CouponsPage() {
  return html`<section><h2>${tr('即将上线', 'Coming soon')}</h2></section>`;
}

const STATUS = { UNUSED: ['未使用', 'Unused'], USED: ['已核销', 'Used'], EXPIRED: ['已过期', 'Expired'], REVOKED: ['已撤销', 'Revoked'] };

export function couponStatusName(status) {
  return STATUS[status] ? tr(...STATUS[status]) : status;
}
