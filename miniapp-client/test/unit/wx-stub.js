// A stand-in for the wx global in page and API-module tests: wx.request answers from a
// routing table, and every call is recorded so a test can assert what was sent.
function createWx({ routes = {}, storage = {}, loginCodes } = {}) {
  const calls = { requests: [], uploads: [], subscribePrompts: [], toasts: [], modals: [], badges: [], payments: [], navigations: [], logins: 0, scans: 0 }
  const store = Object.assign({}, storage)
  const modalAnswers = []
  const scanAnswers = []
  const paymentAnswers = []
  let codeSeq = 0

  function route(method, url) {
    const path = url.replace(/^https?:\/\/[^/]+/, '')
    const exact = routes[`${method} ${path}`]
    if (exact !== undefined) return exact
    const bare = path.split('?')[0]
    return routes[`${method} ${bare}`]
  }

  const wx = {
    calls,
    routes,
    storage: store,
    answerModal(confirm) {
      modalAnswers.push(confirm)
    },
    answerScan(result) {
      scanAnswers.push(result)
    },
    // how the next wx.requestPayment ends: 'ok' (the default), or the errMsg of its fail
    answerPayment(answer) {
      paymentAnswers.push(answer)
    },
    lastRequest(method, pathPrefix) {
      const matching = calls.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix))
      return matching[matching.length - 1]
    },
    request(opts) {
      const path = opts.url.replace(/^https?:\/\/[^/]+/, '')
      const entry = { method: opts.method || 'GET', path, data: opts.data, header: opts.header || {} }
      calls.requests.push(entry)
      let answer = route(entry.method, path)
      if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift() : answer[0]
      if (typeof answer === 'function') answer = answer(entry)
      Promise.resolve().then(() => {
        if (answer === undefined) return opts.fail({ errMsg: `request:fail no route for ${entry.method} ${path}` })
        if (answer === 'NETWORK') return opts.fail({ errMsg: 'request:fail timeout' })
        opts.success({ statusCode: answer.status || 200, data: answer.body })
      })
    },
    // wx.uploadFile answers from the same routing table as wx.request (as POST), with the body as text, as WeChat does.
    uploadFile(opts) {
      const path = opts.url.replace(/^https?:\/\/[^/]+/, '')
      const entry = { method: 'POST', path, filePath: opts.filePath, name: opts.name, header: opts.header || {} }
      calls.uploads.push(entry)
      let answer = route('POST', path)
      if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift() : answer[0]
      if (typeof answer === 'function') answer = answer(entry)
      Promise.resolve().then(() => {
        if (answer === undefined) return opts.fail({ errMsg: `uploadFile:fail no route for POST ${path}` })
        if (answer === 'NETWORK') return opts.fail({ errMsg: 'uploadFile:fail timeout' })
        opts.success({ statusCode: answer.status || 200, data: JSON.stringify(answer.body) })
      })
    },
    login(opts) {
      calls.logins += 1
      codeSeq += 1
      const code = loginCodes ? loginCodes(codeSeq) : `code-${codeSeq}`
      Promise.resolve().then(() => opts.success({ code }))
    },
    getStorageSync: (key) => store[key],
    setStorageSync: (key, value) => {
      store[key] = value
    },
    showToast: (opts) => calls.toasts.push(opts),
    showModal(opts) {
      calls.modals.push(opts)
      const confirm = modalAnswers.length ? modalAnswers.shift() : false
      Promise.resolve().then(() => opts.success && opts.success({ confirm, cancel: !confirm }))
    },
    scanCode(opts) {
      calls.scans += 1
      const result = scanAnswers.shift()
      Promise.resolve().then(() => (result === undefined ? opts.fail({ errMsg: 'scanCode:fail cancel' }) : opts.success({ result })))
    },
    // the tab bar badge: every set and remove, in order; `badge(index)` is the text shown now (undefined: none)
    setTabBarBadge(opts) {
      calls.badges.push({ index: opts.index, text: opts.text })
    },
    removeTabBarBadge(opts) {
      calls.badges.push({ index: opts.index, text: null })
    },
    badge(index) {
      const last = calls.badges.filter((b) => b.index === index).pop()
      return last && last.text !== null ? last.text : undefined
    },
    // WeChat's cashier: records what it was given, callbacks aside
    requestPayment(opts) {
      const params = Object.assign({}, opts)
      delete params.success
      delete params.fail
      delete params.complete
      calls.payments.push(params)
      const answer = paymentAnswers.length ? paymentAnswers.shift() : 'ok'
      Promise.resolve().then(() => (answer === 'ok' ? opts.success({ errMsg: 'requestPayment:ok' }) : opts.fail({ errMsg: answer })))
    },
    stopPullDownRefresh() {},
    navigateTo(opts) {
      calls.navigations.push(opts.url)
    },
    navigateBack() {
      calls.navigations.push('back')
    },
    requestSubscribeMessage(opts) {
      calls.subscribePrompts.push(opts.tmplIds)
      const answer = wx.subscribeAnswer || {}
      Promise.resolve().then(() => opts.success(answer))
    }
  }
  return wx
}

const ok = (body, status = 200) => ({ status, body })
const problem = (status, code, detail) => ({ status, body: { status, code, detail, title: code, requestId: 'r-1' } })

// Lets every pending promise callback run.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

module.exports = { createWx, ok, problem, flush }
