// Infinite scroll over a paged list ({items, page, size, total}): the first page replaces,
// each next page appends, until every row is shown. An answer that is no longer `current`
// (the list was switched to another filter meanwhile) is dropped.
const { errorMessage } = require('./errors')

const PAGE_SIZE = 20

async function loadPage(page, fetchPage, { first = false, map = (x) => x, current = () => true } = {}) {
  const data = page.data
  if (!first && (data.loadingMore || data.items.length >= data.total)) return
  const next = first ? 1 : data.nextPage
  if (!first) page.setData({ loadingMore: true, moreError: '' })
  try {
    const res = await fetchPage(next, PAGE_SIZE)
    if (!current()) return
    const rows = res.items.map(map)
    page.setData({
      items: first ? rows : data.items.concat(rows),
      total: res.total,
      nextPage: next + 1,
      loadingMore: false
    })
  } catch (err) {
    if (!current()) return
    if (first) throw err
    page.setData({ loadingMore: false, moreError: err.network ? '网络连接失败，上拉重试' : errorMessage(err) })
  }
}

module.exports = { loadPage, PAGE_SIZE }
