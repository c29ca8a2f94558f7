const { createApi } = require('../../miniprogram/utils/api')
const { createWx, ok, problem } = require('./wx-stub')

const BASE = 'http://backend.test'
const loginOk = (token) => ok({ token, expiresAt: '2030-01-01T00:00:00Z', created: false, member: { id: 1 } })

function setup(routes, storage = {}) {
  const wx = createWx({ routes, storage })
  return { wx, api: createApi({ wx, baseUrl: BASE }) }
}

describe('login and the token', () => {
  test('logs in with the wx.login code and sends the token on every request', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-new'),
      'GET /api/app/me': ok({ id: 1 })
    })
    await api.me()
    expect(wx.calls.requests[0]).toMatchObject({ method: 'POST', path: '/api/app/auth/login', data: { code: 'code-1' } })
    expect(wx.storage['loyalty.token']).toBe('t-new')
    expect(wx.calls.requests[1].header.Authorization).toBe('Bearer t-new')
  })

  test('login remembers whose token it is, so what is kept per member on the phone is keyed by it', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': [loginOk('t-a'), ok({ token: 't-b', expiresAt: '2030-01-01T00:00:00Z', created: true, member: { id: 2 } })]
    })
    await api.login()
    expect(wx.storage['loyalty.memberId']).toBe(1)
    await api.login()
    expect(wx.storage['loyalty.memberId']).toBe(2)
  })

  test('a 401 logs in again silently and retries once with the new token', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-fresh'),
      'GET /api/app/me': (req) => (req.header.Authorization === 'Bearer t-fresh' ? ok({ id: 1 }) : problem(401, 'UNAUTHORIZED', 'Token expired'))
    }, { 'loyalty.token': 't-stale' })
    await expect(api.me()).resolves.toEqual({ id: 1 })
    expect(wx.calls.logins).toBe(1)
    expect(wx.calls.requests.map((r) => r.path)).toEqual(['/api/app/me', '/api/app/auth/login', '/api/app/me'])
    expect(wx.calls.toasts).toEqual([])
  })

  test('a second 401 is an error, not a loop', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-fresh'),
      'GET /api/app/me': problem(401, 'UNAUTHORIZED', 'Token expired')
    }, { 'loyalty.token': 't-stale' })
    await expect(api.me()).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expect(wx.calls.logins).toBe(1)
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/me')).toHaveLength(2)
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['登录已失效，请重新进入小程序'])
  })

  test('requests that meet a 401 together share one login', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-fresh'),
      'GET /api/app/me': (req) => (req.header.Authorization === 'Bearer t-fresh' ? ok({ id: 1 }) : problem(401, 'UNAUTHORIZED', 'x')),
      'GET /api/app/wallet': (req) => (req.header.Authorization === 'Bearer t-fresh' ? ok({ balanceCents: 0 }) : problem(401, 'UNAUTHORIZED', 'x'))
    }, { 'loyalty.token': 't-stale' })
    await Promise.all([api.me(), api.wallet()])
    expect(wx.calls.logins).toBe(1)
  })
})

describe('errors', () => {
  test('a problem+json error shows its code\'s Chinese message in a toast and rejects with its code and detail', async () => {
    const { wx, api } = setup({ 'POST /api/app/mall/items/3/redeem': problem(409, 'POINTS_INSUFFICIENT', 'Needs 20 more points') }, { 'loyalty.token': 't' })
    await expect(api.redeem(3, 'k-1')).rejects.toMatchObject({ status: 409, code: 'POINTS_INSUFFICIENT', detail: 'Needs 20 more points' })
    expect(wx.calls.toasts).toEqual([expect.objectContaining({ title: '积分不足', icon: 'none' })])
  })

  test('a validation error toasts its first field error; an unknown code toasts its detail', async () => {
    const invalid = { status: 400, body: { status: 400, title: 'Bad Request', code: 'VALIDATION_FAILED', detail: 'Request is invalid', requestId: 'r-2',
      errors: [{ field: 'nickname', message: 'size must be between 1 and 32' }, { field: 'birthday', message: 'must be a past date' }] } }
    const { wx, api } = setup({
      'PATCH /api/app/me': [invalid, problem(418, 'TEAPOT', 'I am a teapot')]
    }, { 'loyalty.token': 't' })
    await expect(api.updateMe({ nickname: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', errors: invalid.body.errors })
    await expect(api.updateMe({ nickname: 'x' })).rejects.toMatchObject({ code: 'TEAPOT' })
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['nickname：size must be between 1 and 32', 'I am a teapot'])
  })

  test('a silent call shows nothing and leaves the error to the page', async () => {
    const { wx, api } = setup({ 'GET /api/app/me': problem(503, 'WX_UNAVAILABLE', 'WeChat is unavailable') }, { 'loyalty.token': 't' })
    await expect(api.me({ silent: true })).rejects.toMatchObject({ code: 'WX_UNAVAILABLE' })
    expect(wx.calls.toasts).toEqual([])
    expect(wx.calls.modals).toEqual([])
  })

  test('a network failure says so and offers a retry that goes through', async () => {
    const { wx, api } = setup({ 'GET /api/app/wallet': ['NETWORK', ok({ balanceCents: 1200 })] }, { 'loyalty.token': 't' })
    wx.answerModal(true)
    await expect(api.wallet()).resolves.toEqual({ balanceCents: 1200 })
    expect(wx.calls.modals).toHaveLength(1)
    expect(wx.calls.modals[0]).toMatchObject({ title: '网络不给力', confirmText: '重试' })
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/wallet')).toHaveLength(2)
  })

  test('declining the retry rejects with a network error and says the network failed', async () => {
    const { wx, api } = setup({ 'GET /api/app/wallet': 'NETWORK' }, { 'loyalty.token': 't' })
    wx.answerModal(false)
    await expect(api.wallet()).rejects.toMatchObject({ network: true })
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['网络连接失败'])
  })
})

describe('Idempotency-Key', () => {
  test('stays the same on the retry of one action and differs between actions', async () => {
    const { wx, api } = setup({
      'POST /api/app/sign-ins': ['NETWORK', ok({ alreadySignedIn: false }), ok({ alreadySignedIn: true })]
    }, { 'loyalty.token': 't' })
    wx.answerModal(true)
    await api.signIn()
    await api.signIn()
    const keys = wx.calls.requests.map((r) => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })

  test('survives the silent re-login of a 401', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-fresh'),
      'POST /api/staff/purchases': [problem(401, 'UNAUTHORIZED', 'x'), ok({ orderNo: 'A1', pointsAwarded: 12, pointsBalance: 40 })]
    }, { 'loyalty.token': 't-stale' })
    await api.purchase({ memberCode: '1', orderNo: 'A1', amountCents: 1200 })
    const sent = wx.calls.requests.filter((r) => r.path === '/api/staff/purchases')
    expect(sent).toHaveLength(2)
    expect(sent[1].header['Idempotency-Key']).toBe(sent[0].header['Idempotency-Key'])
    expect(sent[1].data).toEqual({ memberCode: '1', orderNo: 'A1', amountCents: 1200 })
  })

  test('a redemption sends the key the page made for it', async () => {
    const { wx, api } = setup({ 'POST /api/app/mall/items/9/redeem': ok({ coupon: { id: 1 }, pointsBalance: 0 }, 201) }, { 'loyalty.token': 't' })
    await api.redeem(9, 'page-key-1')
    expect(wx.calls.requests[0].header['Idempotency-Key']).toBe('page-key-1')
  })

  test('reads carry no key', async () => {
    const { wx, api } = setup({ 'GET /api/app/points': ok({ balance: 1 }) }, { 'loyalty.token': 't' })
    await api.points()
    expect(wx.calls.requests[0].header['Idempotency-Key']).toBeUndefined()
  })
})

describe('isStaff', () => {
  test('reads the staff binding on the member, without a request', () => {
    const { wx, api } = setup({}, { 'loyalty.token': 't' })
    expect(api.isStaff({ staff: { storeId: 3, storeName: '一号店' } })).toBe(true)
    expect(api.isStaff({ staff: null })).toBe(false)
    expect(api.isStaff(undefined)).toBe(false)
    expect(wx.calls.requests).toEqual([])
  })
})

describe('uploads and URLs', () => {
  test('the avatar is uploaded as the multipart field file, with the token, and answers the member', async () => {
    const { wx, api } = setup({ 'POST /api/app/me/avatar': ok({ id: 1, avatarUrl: '/media/avatars/ab.png' }) }, { 'loyalty.token': 't-1' })
    await expect(api.uploadAvatar('wxfile://tmp_avatar.png')).resolves.toEqual({ id: 1, avatarUrl: '/media/avatars/ab.png' })
    expect(wx.calls.uploads[0]).toMatchObject({ path: '/api/app/me/avatar', filePath: 'wxfile://tmp_avatar.png', name: 'file' })
    expect(wx.calls.uploads[0].header.Authorization).toBe('Bearer t-1')
  })

  test('an upload meeting a 401 logs in again and is sent once more', async () => {
    const { wx, api } = setup({
      'POST /api/app/auth/login': loginOk('t-fresh'),
      'POST /api/app/me/avatar': (req) => (req.header.Authorization === 'Bearer t-fresh' ? ok({ id: 1 }) : problem(401, 'UNAUTHORIZED', 'expired'))
    }, { 'loyalty.token': 't-stale' })
    await api.uploadAvatar('wxfile://a.png')
    expect(wx.calls.uploads).toHaveLength(2)
    expect(wx.calls.logins).toBe(1)
  })

  test('a refused upload toasts its Chinese message and rejects with the code', async () => {
    const { wx, api } = setup({ 'POST /api/app/me/avatar': problem(413, 'PAYLOAD_TOO_LARGE', 'too large') }, { 'loyalty.token': 't-1' })
    await expect(api.uploadAvatar('wxfile://big.png')).rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    expect(wx.calls.toasts).toHaveLength(1)
  })

  test('the backend\'s own paths get its host; absolute URLs stay as they are', () => {
    const { api } = setup({})
    expect(api.absoluteUrl('/media/avatars/ab.png')).toBe('http://backend.test/media/avatars/ab.png')
    expect(api.absoluteUrl('https://thirdwx.qlogo.cn/a/132')).toBe('https://thirdwx.qlogo.cn/a/132')
    expect(api.absoluteUrl(null)).toBe('')
  })
})
