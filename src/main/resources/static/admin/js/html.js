// Preact's h() with htm's tagged templates: components are written as html`<div>…</div>`.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
