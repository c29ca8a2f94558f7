const { errorMessage } = require('./errors')

// A page's load: shows loading, then the data, or an error the page renders with a retry button.
// A quiet reload (a tab shown again) keeps the page on screen while it fetches, and keeps it there
// if the fetch fails; a page that shows nothing yet loads as usual. A load that is no longer `current`
// (a newer one has replaced it) leaves the page alone.
async function loadInto(page, fetch, { quiet = false, current = () => true } = {}) {
  const keepOnScreen = quiet && !page.data.loading && !page.data.error
  if (!keepOnScreen) page.setData({ loading: true, error: '' })
  try {
    const data = await fetch()
    if (!current()) return false
    page.setData(Object.assign({ loading: false, error: '' }, data))
    return true
  } catch (err) {
    if (!current()) return false
    if (!keepOnScreen) page.setData({ loading: false, error: loadError(err) })
    return false
  }
}

function loadError(err) {
  return err && err.network ? '网络连接失败，请检查网络后重试' : errorMessage(err)
}

// Whether a tab is shown again: the first show comes right after onLoad, which is loading already.
function shownAgain(page) {
  if (!page.shownBefore) {
    page.shownBefore = true
    return false
  }
  return true
}

module.exports = { loadInto, shownAgain }
