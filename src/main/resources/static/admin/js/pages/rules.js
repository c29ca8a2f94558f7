import { html } from '../html.js';
import { tr } from '../i18n.js';

export function RulesPage() {
  return html`<section><h2>${tr('即将上线', 'Coming soon')}</h2></section>`;
}
