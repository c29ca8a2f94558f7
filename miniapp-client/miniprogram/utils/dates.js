function pad(n) {
  return String(n).padStart(2, '0')
}

function monthOf(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`
}

function shiftMonth(month, delta) {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`
}

// Today on the phone's clock, as yyyy-MM-dd.
function localToday(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

// An ISO instant as the member reads it: 2025-03-01 12:30 (local time of the phone).
function formatInstant(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (isNaN(d.getTime())) return String(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function formatDate(iso) {
  return iso ? formatInstant(iso).slice(0, 10) : ''
}

module.exports = { pad, monthOf, shiftMonth, localToday, formatInstant, formatDate }
