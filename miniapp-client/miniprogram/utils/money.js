// Money is integer cents end to end; these functions work on the digits as text,
// so no amount ever passes through floating-point arithmetic.

function formatCents(cents) {
  if (cents === null || cents === undefined || cents === '') return '—'
  const text = String(cents)
  if (!/^-?\d+$/.test(text)) return '—'
  const negative = text[0] === '-'
  const digits = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, '').padStart(3, '0')
  const yuan = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ',')
  const fen = digits.slice(-2)
  const sign = negative && /[1-9]/.test(digits) ? '-' : ''
  return `${sign}¥${yuan}.${fen}`
}

// '12', '12.3', '12.34' (yuan, as a person types it) → 1234 cents; anything else → null.
function parseYuan(input) {
  const text = String(input === undefined || input === null ? '' : input).trim()
  const match = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(text)
  if (!match) return null
  const cents = parseInt(match[1] + (match[2] || '').padEnd(2, '0'), 10)
  return cents
}

module.exports = { formatCents, parseYuan }
