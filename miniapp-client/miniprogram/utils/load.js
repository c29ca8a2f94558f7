// A page's load: shows loading, then the data, or an error the page renders with a retry button.
async function loadInto(page, fetch) {
  page.setData({ loading: true, error: '' })
  try {
    const data = await fetch()
    page.setData(Object.assign({ loading: false }, data))
    return true
  } catch (err) {
    const message = err && err.network ? '网络连接失败，请检查网络后重试' : (err && (err.detail || err.message)) || '加载失败'
    page.setData({ loading: false, error: message })
    return false
  }
}

module.exports = { loadInto }
