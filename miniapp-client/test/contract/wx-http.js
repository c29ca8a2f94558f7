// wx.request bridged to real HTTP, so the Mini Program's own API module can run against the backend.
function createHttpWx({ loginCode }) {
  const store = {}
  const toasts = []
  let logins = 0
  return {
    toasts,
    get logins() {
      return logins
    },
    request(opts) {
      const method = opts.method || 'GET'
      const init = { method, headers: opts.header || {} }
      if (opts.data !== undefined && method !== 'GET') init.body = JSON.stringify(opts.data)
      fetch(opts.url, init)
        .then(async (res) => {
          const text = await res.text()
          let data = text
          try {
            data = text ? JSON.parse(text) : ''
          } catch (err) {
            // not JSON: keep the text, as wx.request does
          }
          opts.success({ statusCode: res.status, data, header: Object.fromEntries(res.headers) })
        })
        .catch((err) => opts.fail({ errMsg: `request:fail ${err.message}` }))
    },
    // wx.uploadFile as WeChat sends it: multipart/form-data with the file under opts.name; the body comes back as text.
    uploadFile(opts) {
      const form = new FormData()
      const bytes = require('fs').readFileSync(opts.filePath)
      form.append(opts.name, new Blob([bytes]), require('path').basename(opts.filePath))
      fetch(opts.url, { method: 'POST', headers: opts.header || {}, body: form })
        .then(async (res) => opts.success({ statusCode: res.status, data: await res.text() }))
        .catch((err) => opts.fail({ errMsg: `uploadFile:fail ${err.message}` }))
    },
    login(opts) {
      logins += 1
      setImmediate(() => opts.success({ code: loginCode }))
    },
    getStorageSync: (key) => store[key],
    setStorageSync: (key, value) => {
      store[key] = value
    },
    showToast: (opts) => toasts.push(opts.title),
    showModal: (opts) => opts.success({ confirm: false, cancel: true })
  }
}

module.exports = { createHttpWx }
