// The one way the Mini Program talks to the backend.
// - logs in with wx.login and keeps the token in storage; every request carries it
// - a 401 logs in again silently and retries once (a second 401 is an error, not a loop)
// - problem+json errors show in a toast as their code's Chinese message (utils/errors); a network failure offers a retry
// - a write carries an Idempotency-Key made once per user action and reused on every retry of it
const config = require('../config')
const { errorMessage } = require('./errors')

const TOKEN_KEY = 'loyalty.token'
// The id of the member the token belongs to: what is kept per member on the phone is keyed by it.
const MEMBER_KEY = 'loyalty.memberId'

class ApiError extends Error {
  constructor({ status = 0, code = '', detail = '', errors = [], network = false }) {
    super(detail || code || `HTTP ${status}`)
    this.status = status
    this.code = code
    this.detail = detail
    this.errors = errors
    this.network = network
  }
}

function newIdempotencyKey() {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `mp-${Date.now().toString(36)}-${random}`
}

function queryString(params) {
  const parts = Object.keys(params || {})
    .filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== '')
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function problemOf(res) {
  const body = res.data && typeof res.data === 'object' ? res.data : {}
  return new ApiError({
    status: res.statusCode,
    code: body.code || '',
    detail: body.detail || body.title || `请求失败（${res.statusCode}）`,
    errors: Array.isArray(body.errors) ? body.errors : []
  })
}

function createApi(options = {}) {
  const host = () => options.wx || wx
  const baseUrl = () => options.baseUrl || config.baseUrl
  let loginInFlight = null

  function token() {
    return host().getStorageSync(TOKEN_KEY) || ''
  }

  function send({ method, path, data, headers }) {
    return new Promise((resolve, reject) => {
      host().request({
        url: baseUrl() + path,
        method,
        data,
        header: Object.assign({ 'Content-Type': 'application/json' }, headers),
        success: (res) => resolve(res),
        fail: (err) =>
          reject(new ApiError({ network: true, detail: '网络连接失败', code: (err && err.errMsg) || 'NETWORK' }))
      })
    })
  }

  function wxLoginCode() {
    return new Promise((resolve, reject) => {
      host().login({
        success: (res) => (res && res.code ? resolve(res.code) : reject(new ApiError({ detail: '微信登录失败' }))),
        fail: () => reject(new ApiError({ detail: '微信登录失败' }))
      })
    })
  }

  // Concurrent 401s share one login.
  function login(profile) {
    if (!loginInFlight) {
      loginInFlight = (async () => {
        const code = await wxLoginCode()
        const res = await send({ method: 'POST', path: '/api/app/auth/login', data: Object.assign({ code }, profile) })
        if (res.statusCode < 200 || res.statusCode >= 300) throw problemOf(res)
        host().setStorageSync(TOKEN_KEY, res.data.token)
        if (res.data.member && res.data.member.id) host().setStorageSync(MEMBER_KEY, res.data.member.id)
        return res.data
      })()
      const clear = () => {
        loginInFlight = null
      }
      loginInFlight.then(clear, clear)
    }
    return loginInFlight
  }

  async function request({ method = 'GET', path, query, data, idempotencyKey }) {
    const key = idempotencyKey || (method === 'GET' ? undefined : newIdempotencyKey())
    const fullPath = path + queryString(query)
    const attempt = () => {
      const headers = { Authorization: `Bearer ${token()}` }
      if (key) headers['Idempotency-Key'] = key
      return send({ method, path: fullPath, data, headers })
    }
    if (!token()) await login()
    let res = await attempt()
    if (res.statusCode === 401) {
      await login()
      res = await attempt()
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return res.data
    throw problemOf(res)
  }

  function offerRetry() {
    return new Promise((resolve) => {
      host().showModal({
        title: '网络不给力',
        content: '请求没有送达，请检查网络后重试',
        confirmText: '重试',
        cancelText: '取消',
        success: (res) => resolve(Boolean(res && res.confirm)),
        fail: () => resolve(false)
      })
    })
  }

  // A user action: fixes its Idempotency-Key once, shows errors, and offers a retry when the network failed.
  async function call(req, { silent = false } = {}) {
    const action = Object.assign({}, req)
    if (!action.idempotencyKey && action.method && action.method !== 'GET') action.idempotencyKey = newIdempotencyKey()
    for (;;) {
      try {
        return await request(action)
      } catch (err) {
        if (err.network && !silent && (await offerRetry())) continue
        if (!silent) host().showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
        throw err
      }
    }
  }

  function sendFile({ path, filePath, name }) {
    return new Promise((resolve, reject) => {
      host().uploadFile({
        url: baseUrl() + path,
        filePath,
        name,
        header: { Authorization: `Bearer ${token()}` },
        // wx.uploadFile answers the body as text
        success: (res) => {
          let data = res.data
          try {
            data = typeof data === 'string' && data ? JSON.parse(data) : data
          } catch (err) {
            // not JSON: keep the text
          }
          resolve({ statusCode: res.statusCode, data })
        },
        fail: (err) =>
          reject(new ApiError({ network: true, detail: '网络连接失败', code: (err && err.errMsg) || 'NETWORK' }))
      })
    })
  }

  // A multipart upload of a local (temporary) file, with the same token, silent re-login and error toast as call().
  async function upload({ path, filePath, name = 'file' }, { silent = false } = {}) {
    try {
      if (!token()) await login()
      let res = await sendFile({ path, filePath, name })
      if (res.statusCode === 401) {
        await login()
        res = await sendFile({ path, filePath, name })
      }
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data
      throw problemOf(res)
    } catch (err) {
      if (!silent) host().showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
      throw err
    }
  }

  // Makes the backend's offline WeChat Pay stand-in pay an order, as the member would in WeChat's cashier
  // (only when the order answered `sandbox: true`). It is not a member endpoint: no token.
  async function sandboxPay(orderNo, { silent = false } = {}) {
    try {
      const res = await send({ method: 'POST', path: '/wx-sandbox/pay/simulate', data: { orderNo } })
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data
      throw problemOf(res)
    } catch (err) {
      if (!silent) host().showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
      throw err
    }
  }

  // A URL the backend answered, usable in <image src>: its own paths (/media/...) are prefixed with its host.
  function absoluteUrl(url) {
    if (!url) return ''
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : baseUrl() + (url.startsWith('/') ? url : `/${url}`)
  }

  const get = (path, query, opts) => call({ method: 'GET', path, query }, opts)
  const write = (method, path, data, opts = {}) => call({ method, path, data, idempotencyKey: opts.idempotencyKey }, opts)

  return {
    login,
    request,
    call,
    upload,
    token,
    absoluteUrl,
    // member
    me: (opts) => get('/api/app/me', null, opts),
    updateMe: (change, opts) => write('PATCH', '/api/app/me', change, opts),
    // chooseAvatar's temporary file; answers the member as GET /api/app/me does, avatarUrl pointing at the upload
    uploadAvatar: (filePath, opts) => upload({ path: '/api/app/me/avatar', filePath, name: 'file' }, opts),
    // {signInReminder, pointsChanged, walletChanged, couponChanged, levelChanged}: template ids, '' when not configured
    subscriptionTemplates: (opts) => get('/api/app/subscription-templates', null, opts),
    // {linked}: whether the member follows the brand's official account (balance changes are pushed there)
    officialAccount: (opts) => get('/api/app/official-account', null, opts),
    // {ticket, url, expiresAt}: a QR code that links the member to the official account when scanned in WeChat
    officialAccountQrCode: (opts) => write('POST', '/api/app/official-account/bind-qrcode', undefined, opts),
    bindPhone: (code, opts) => write('PUT', '/api/app/me/phone', { code }, opts),
    // current: the code on screen; the answer is that code while it is unspent and fresh, else a new one
    memberCode: (current, opts) => get('/api/app/member-code', { current }, opts),
    signIn: (opts) => write('POST', '/api/app/sign-ins', undefined, opts),
    makeup: (date, opts) => write('POST', '/api/app/sign-ins/makeup', { date }, opts),
    calendar: (month, opts) => get('/api/app/sign-ins/calendar', { month }, opts),
    subscribe: (templateId, opts) => write('POST', '/api/app/subscriptions', { templateId }, opts),
    points: (opts) => get('/api/app/points', null, opts),
    pointsLedger: (page, size, opts) => get('/api/app/points/ledger', { page, size }, opts),
    mallItems: (opts) => get('/api/app/mall/items', null, opts),
    redeem: (templateId, idempotencyKey, opts) =>
      write('POST', `/api/app/mall/items/${templateId}/redeem`, undefined, Object.assign({ idempotencyKey }, opts)),
    coupons: (status, page, size, opts) => get('/api/app/coupons', { status, page, size }, opts),
    coupon: (id, opts) => get(`/api/app/coupons/${id}`, null, opts),
    wallet: (opts) => get('/api/app/wallet', null, opts),
    walletLedger: (page, size, opts) => get('/api/app/wallet/ledger', { page, size }, opts),
    walletPlans: (opts) => get('/api/app/wallet/plans', null, opts),
    // {planId} or {amountCents} → {orderNo, amountCents, bonusCents, payParams (for wx.requestPayment), sandbox}
    topUpOrder: (order, opts) => write('POST', '/api/app/wallet/top-up-orders', order, opts),
    // {orderNo, status: CREATED|PAID|CLOSED, amountCents, bonusCents, createdAt, paidAt}
    topUpOrderStatus: (orderNo, opts) => get(`/api/app/wallet/top-up-orders/${encodeURIComponent(orderNo)}`, null, opts),
    sandboxPay,
    // {principalCents, bonusForfeitedCents, refunds: [{orderNo, refundNo, amountCents, status}], cashCents, closed}:
    // what cashing out would do (GET), and what it did (POST; the wallet is closed afterwards)
    cashOutPreview: (opts) => get('/api/app/wallet/cash-out', null, opts),
    cashOut: (opts) => write('POST', '/api/app/wallet/cash-out', undefined, opts),
    rebates: (opts) => get('/api/app/rebates', null, opts),
    leaderboard: (type, opts) => get('/api/app/leaderboard', { type }, opts),
    // staff at the counter
    resolveMember: (memberCode, opts) => write('POST', '/api/staff/members/resolve', { memberCode }, opts),
    verifyCoupon: (code, opts) => write('POST', '/api/staff/coupons/verify', { code }, opts),
    purchase: (order, opts) => write('POST', '/api/staff/purchases', order, opts),
    topUp: (order, opts) => write('POST', '/api/staff/wallet/top-ups', order, opts),
    walletPayment: (order, opts) => write('POST', '/api/staff/wallet/payments', order, opts),
    // GET /api/app/me answers `staff: {storeId, storeName}` for staff and null for everyone else.
    isStaff(me) {
      return Boolean(me && me.staff)
    }
  }
}

module.exports = Object.assign(createApi(), { createApi, ApiError, newIdempotencyKey, TOKEN_KEY, MEMBER_KEY })
