// Talks to /api/admin with the operator's token. Every failure becomes an ApiError carrying the
// problem's code, detail, requestId and field errors; a 401 ends the login and says why.
import { tr } from './i18n.js';

const TOKEN_KEY = 'loyalty.admin.token';
const EXPIRES_KEY = 'loyalty.admin.expiresAt';
const listeners = new Set();

export const auth = {
  get token() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const expiresAt = sessionStorage.getItem(EXPIRES_KEY);
    if (token && expiresAt && Date.parse(expiresAt) <= Date.now()) {
      end(tr('登录已过期，请重新登录。', 'Your login has expired; please log in again.'));
      return null;
    }
    return token;
  },
  save({ token, expiresAt }) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(EXPIRES_KEY, expiresAt);
    listeners.forEach((fn) => fn({ loggedIn: true }));
  },
  /** At start: {loggedIn} with a message when the stored token has expired meanwhile. */
  initial() {
    const had = sessionStorage.getItem(TOKEN_KEY);
    const loggedIn = Boolean(this.token);
    return { loggedIn, message: had && !loggedIn ? tr('登录已过期，请重新登录。', 'Your login has expired; please log in again.') : null };
  },
  logout() {
    end(null);
  },
  /** fn({loggedIn, message}) runs on every login and logout. */
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

function end(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  listeners.forEach((fn) => fn({ loggedIn: false, message }));
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(status === 403 ? forbidden(problem) : problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || null;
    this.requestId = problem?.requestId || null;
    /** {field: message} from the problem's errors list. */
    this.fields = Object.fromEntries((problem?.errors || []).map((e) => [e.field, e.message]));
  }
}

/** A refusal says plainly that the role is the reason, with the server's words after it. */
function forbidden(problem) {
  const detail = problem?.detail ? ` (${problem.detail})` : '';
  return tr(`你的角色没有权限进行此操作。${detail}`, `Your role is not allowed to do this.${detail}`);
}

/** api('GET', '/api/admin/members', {query: {q}}) → the parsed answer (text for CSV, null for 204). */
export async function api(method, path, { query, body, headers = {}, accept = 'application/json' } = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries(query || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  });
  const token = path === '/api/admin/auth/login' ? null : auth.token;
  const init = { method, headers: { Accept: accept, ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { detail: tr('无法连接服务器。', 'The server cannot be reached.') });
  }
  if (response.status === 401 && token) {
    end(tr('登录已失效（已过期、密码已更改或账号已停用），请重新登录。',
      'Your login is no longer valid (expired, password changed or account disabled); please log in again.'));
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = { detail: `HTTP ${response.status}` };
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  if (accept.startsWith('text/')) return response.text();
  return response.json();
}

export const get = (path, query) => api('GET', path, { query });
export const post = (path, body, headers) => api('POST', path, { body, headers });
export const put = (path, body) => api('PUT', path, { body });
export const del = (path) => api('DELETE', path);

/** A random key for Idempotency-Key headers (works on plain http too, unlike randomUUID). */
export function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A failure found before asking the server, shaped like the server's: invalid({reason: '必填'}). */
export function invalid(fields) {
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    detail: tr('请修改标红的字段。', 'Please fix the fields marked in red.'),
    errors: Object.entries(fields).map(([field, message]) => ({ field, message })),
  });
}

/**
 * An input's text as an integer for the API: '' → null, so the server names the missing field; text
 * that is not a whole number ("1.5", "abc") goes as it is, so the server names the field as wrong
 * instead of a number being rounded or lost on the way.
 */
export function int(text) {
  const t = String(text ?? '').trim();
  if (t === '') return null;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}
