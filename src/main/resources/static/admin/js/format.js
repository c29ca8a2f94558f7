// Pure formatting of what the API answers. Money arrives as integer cents and is turned into text
// with string operations only: no floating-point arithmetic ever touches an amount.

/** 123456 → "¥1,234.56"; -5 → "-¥0.05". Accepts a safe integer or a string of digits. */
export function formatCents(cents) {
  if (cents === null || cents === undefined || cents === '') return '—';
  const text = String(cents).trim();
  if (!/^-?\d+$/.test(text)) throw new TypeError(`not integer cents: ${cents}`);
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, '').padStart(3, '0');
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fen = digits.slice(-2);
  const isZero = /^0+$/.test(digits);
  return `${negative && !isZero ? '-' : ''}¥${yuan}.${fen}`;
}

/**
 * "1,234.5" or "1234.50" → 123450; anything that is not a yuan amount with at most two decimals → null.
 * Commas only as thousands separators: "9,90" is a mistake, not 990 yuan.
 */
export function parseYuan(input) {
  const text = String(input ?? '').trim().replace(/^¥/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1].replace(/,/g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Cents as the plain yuan text an input shows: 123450 → "1234.50". */
export function centsToYuanText(cents) {
  if (cents === null || cents === undefined) return '';
  return formatCents(cents).replace('¥', '').replace(/,/g, '');
}

/** Whole numbers such as points: 1234567 → "1,234,567". */
export function formatInt(n) {
  if (n === null || n === undefined) return '—';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A rate 0..1 → "12.5%". */
export function formatRate(rate) {
  if (rate === null || rate === undefined || Number.isNaN(Number(rate))) return '—';
  return `${(Number(rate) * 100).toFixed(1)}%`;
}

/** An ISO instant → "2026-11-26 09:30" in the browser's zone. */
export function formatInstant(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
