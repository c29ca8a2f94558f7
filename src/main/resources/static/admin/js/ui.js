// Building blocks every page uses: loading / empty / error states, a pager, form fields that show
// the API's field errors beside them, a confirmation dialog and short notices.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { html } from './html.js';
import { tr } from './i18n.js';
import { formatCents } from './format.js';

/** Runs load() now and whenever deps change: {data, error, loading, reload}. */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error) => live && setState({ data: null, error, loading: false }),
    );
    return () => { live = false; };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export function Loading() {
  return html`<div class="state loading" role="status">${tr('加载中…', 'Loading…')}</div>`;
}

export function Empty({ children }) {
  return html`<div class="state empty">${children || tr('暂无数据', 'Nothing here yet')}</div>`;
}

export function ErrorBox({ error, onRetry }) {
  if (!error) return null;
  return html`<div class="state error" role="alert">
    <strong>${tr('出错了', 'Something went wrong')}</strong>
    <span>${error.message}</span>
    ${error.code && html`<code>${error.code}</code>`}
    ${error.requestId && html`<small>requestId ${error.requestId}</small>`}
    ${onRetry && html`<button type="button" class="link" onClick=${onRetry}>${tr('重试', 'Retry')}</button>`}
  </div>`;
}

/** Shows loading, error, empty (isEmpty(data)) or children(data). */
export function Async({ state, isEmpty, empty, children }) {
  if (state.loading && !state.data) return html`<${Loading} />`;
  if (state.error) return html`<${ErrorBox} error=${state.error} onRetry=${state.reload} />`;
  if (isEmpty && isEmpty(state.data)) return html`<${Empty}>${empty}<//>`;
  return children(state.data);
}

export function Pager({ page, size, total, onPage }) {
  const pages = Math.max(1, Math.ceil(total / size));
  return html`<nav class="pager" aria-label=${tr('分页', 'Pages')}>
    <button type="button" disabled=${page <= 1} onClick=${() => onPage(page - 1)}>${tr('上一页', 'Previous')}</button>
    <span>${tr(`第 ${page} / ${pages} 页，共 ${total} 条`, `Page ${page} of ${pages}, ${total} in all`)}</span>
    <button type="button" disabled=${page >= pages} onClick=${() => onPage(page + 1)}>${tr('下一页', 'Next')}</button>
  </nav>`;
}

/**
 * A paged table: rows(items) renders <tr>s under the given header cells. A page left empty (its last
 * row approved or retried away under a filter) steps back to the page before it.
 */
export function PagedTable({ state, head, row, page, onPage, empty }) {
  const emptiedPage = page > 1 && state.data && !state.loading && state.data.items.length === 0;
  useEffect(() => {
    if (emptiedPage) onPage(page - 1);
  }, [emptiedPage, page]);
  return html`<${Async} state=${state} isEmpty=${(d) => d.items.length === 0} empty=${empty}>
    ${(d) => html`<div class="table-wrap"><table>
        <thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead>
        <tbody>${d.items.map(row)}</tbody>
      </table></div>
      <${Pager} page=${page} size=${d.size} total=${d.total} onPage=${onPage} />`}
  <//>`;
}

export function Money({ cents }) {
  return html`<span class="money">${formatCents(cents)}</span>`;
}

/** A labelled field; errors is {field: message} from an ApiError, name the API's field path. */
export function Field({ label, name, errors, hint, children }) {
  const message = errors && errors[name];
  return html`<label class=${`field${message ? ' invalid' : ''}`} data-field=${name}>
    <span class="label">${label}</span>
    ${children}
    ${hint && !message && html`<small class="hint">${hint}</small>`}
    ${message && html`<small class="field-error" role="alert">${message}</small>`}
  </label>`;
}

/** Problems with no field of their own, shown above a form. */
export function FormError({ error }) {
  if (!error) return null;
  const unplaced = Object.keys(error.fields || {}).length === 0;
  return unplaced ? html`<${ErrorBox} error=${error} />`
    : html`<div class="state error" role="alert">${tr('请修改标红的字段。', 'Please fix the fields marked in red.')}</div>`;
}

// ---- confirmation dialog and notices, rendered once by <Overlays/> in the app shell ----
let showConfirm = null;
let showNotice = null;

/**
 * confirmAction('撤销这张券？') → Promise<boolean>. With {require: '42', prompt}, the confirm button
 * stays disabled until the operator has typed that text (for what cannot be undone).
 */
export function confirmAction(message, confirmLabel, { require, prompt } = {}) {
  return new Promise((resolve) => showConfirm({ message, confirmLabel, require, prompt, resolve }));
}

export function notice(message) {
  if (showNotice) showNotice(message);
}

export function Overlays() {
  const [dialog, setDialog] = useState(null);
  const [text, setText] = useState(null);
  const [typed, setTyped] = useState('');
  useEffect(() => {
    showConfirm = (d) => {
      setTyped('');
      setDialog(d);
    };
    showNotice = (m) => {
      setText(m);
      setTimeout(() => setText((current) => (current === m ? null : current)), 4000);
    };
  }, []);
  const close = (answer) => {
    dialog.resolve(answer);
    setDialog(null);
  };
  return html`
    ${dialog && html`<div class="modal-backdrop">
      <div class="modal" role="dialog" aria-modal="true">
        <p>${dialog.message}</p>
        ${dialog.require != null && html`<label class="field" data-field="confirm-text">
          <span class="label">${dialog.prompt || tr(`请输入 ${dialog.require} 以确认`, `Type ${dialog.require} to confirm`)}</span>
          <input name="confirm-text" autocomplete="off" value=${typed} onInput=${(e) => setTyped(e.target.value)} />
        </label>`}
        <div class="actions">
          <button type="button" class="secondary" onClick=${() => close(false)}>${tr('取消', 'Cancel')}</button>
          <button type="button" class="primary" data-confirm disabled=${dialog.require != null && typed.trim() !== String(dialog.require)}
            onClick=${() => close(true)}>${dialog.confirmLabel || tr('确定', 'Confirm')}</button>
        </div>
      </div>
    </div>`}
    ${text && html`<div class="notice" role="status">${text}</div>`}`;
}

/**
 * An operator's action (a row's button, a job to run): run(...args) clears the last error, keeps
 * busy while the action runs, and keeps what it threw as error for an ErrorBox or FormError.
 */
export function useAction(action) {
  const [state, setState] = useState({ busy: false, error: null });
  const run = async (...args) => {
    setState({ busy: true, error: null });
    try {
      await action(...args);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return { run, ...state };
}

/** Submits a form: {submit, busy, error}; action() may throw invalid({...}) for checks made here. */
export function useSubmit(action) {
  const { run, busy, error } = useAction(action);
  const submit = (e) => {
    if (e) e.preventDefault();
    return run();
  };
  return { submit, busy, error };
}

/** A list the API answers whole, shown a page at a time like the paged ones. */
export function ListTable({ state, head, row, empty, size = 20 }) {
  const [page, setPage] = useState(1);
  const paged = state.data ? {
    ...state, data: { items: state.data.slice((page - 1) * size, page * size), page, size, total: state.data.length },
  } : state;
  return html`<${PagedTable} state=${paged} head=${head} row=${row} page=${page} onPage=${setPage} empty=${empty} />`;
}
