const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('coupons')

const coupon = { id: 11, templateId: 3, name: '满50减10', type: 'CASH', code: 'C0DE11', status: 'UNUSED', validFrom: '2025-03-01T00:00:00+08:00', validTo: '2025-03-31T00:00:00+08:00', usedAt: null, storeId: null }

describe('我的券', () => {
  test('lists unused coupons, switches tabs by status, and shows a coupon\'s QR code', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/coupons?status=UNUSED&page=1&size=20': ok({ items: [coupon], page: 1, size: 20, total: 1 }),
      'GET /api/app/coupons?status=USED&page=1&size=20': ok({ items: [], page: 1, size: 20, total: 0 }),
      'GET /api/app/coupons/11': ok(Object.assign({ qrPayload: 'LC:C0DE11' }, coupon))
    } })
    await page.instance.onLoad()
    expect(text(page, '.coupon-name')).toBe('满50减10')
    page.querySelector('.show-code').dispatchEvent('tap')
    await new Promise((r) => setTimeout(r, 0))
    await new Promise((r) => setTimeout(r, 0))
    expect(page.data.shown.qrSrc).toMatch(/^data:image\/gif;base64,/)
    expect(text(page, '.shown-code')).toBe('券码 C0DE11')
    await page.instance.switchTab({ currentTarget: { dataset: { status: 'USED' } } })
    expect(wx.calls.requests.map((r) => r.path)).toContain('/api/app/coupons?status=USED&page=1&size=20')
    expect(text(page, '.empty')).toBe('这里还没有券')
  })

  // Holds back the answers to requests whose path contains `part` until release() is called.
  function holdBack(wx, part) {
    const send = wx.request
    const held = []
    wx.request = (opts) => (opts.url.includes(part) ? held.push(opts) : send(opts))
    return () => held.splice(0).forEach((opts) => send(opts))
  }

  test('an answer for a tab left before it arrived does not land under the tab now selected', async () => {
    const used = Object.assign({}, coupon, { id: 12, name: '已用的券', status: 'USED', usedAt: '2025-03-10T10:00:00+08:00' })
    const expired = Object.assign({}, coupon, { id: 13, name: '过期的券', status: 'EXPIRED' })
    const { page, wx } = render({ routes: {
      'GET /api/app/coupons?status=UNUSED&page=1&size=20': ok({ items: [coupon], page: 1, size: 20, total: 1 }),
      'GET /api/app/coupons?status=USED&page=1&size=20': ok({ items: [used], page: 1, size: 20, total: 1 }),
      'GET /api/app/coupons?status=EXPIRED&page=1&size=20': ok({ items: [expired], page: 1, size: 20, total: 1 })
    } })
    await page.instance.onLoad()
    const releaseUsed = holdBack(wx, 'status=USED')
    const leftTab = page.instance.switchTab({ currentTarget: { dataset: { status: 'USED' } } })
    await page.instance.switchTab({ currentTarget: { dataset: { status: 'EXPIRED' } } })
    expect(text(page, '.coupon-name')).toBe('过期的券')
    releaseUsed()
    await leftTab
    await flush()
    expect(page.data.status).toBe('EXPIRED')
    expect(page.data.items.map((c) => c.id)).toEqual([13])
    expect(page.data.loading).toBe(false)
    expect(text(page, '.coupon-name')).toBe('过期的券')
  })

  test('a next page that arrives after a tab switch is dropped', async () => {
    const many = (status, from, n) => Array.from({ length: n }, (_, i) => Object.assign({}, coupon, { id: from + i, status }))
    const { page, wx } = render({ routes: {
      'GET /api/app/coupons?status=UNUSED&page=1&size=20': ok({ items: many('UNUSED', 100, 20), page: 1, size: 20, total: 25 }),
      'GET /api/app/coupons?status=UNUSED&page=2&size=20': ok({ items: many('UNUSED', 120, 5), page: 2, size: 20, total: 25 }),
      'GET /api/app/coupons?status=USED&page=1&size=20': ok({ items: many('USED', 200, 2), page: 1, size: 20, total: 2 })
    } })
    await page.instance.onLoad()
    const releaseMore = holdBack(wx, 'page=2')
    const more = page.instance.onReachBottom()
    await page.instance.switchTab({ currentTarget: { dataset: { status: 'USED' } } })
    releaseMore()
    await more
    await flush()
    expect(page.data.items.map((c) => c.status)).toEqual(['USED', 'USED'])
    expect(page.data.loadingMore).toBe(false)
  })

  test('a load error shows with a retry', async () => {
    const { page } = render({ routes: { 'GET /api/app/coupons': problem(429, 'RATE_LIMITED', 'Too many requests') } })
    await page.instance.onLoad()
    expect(text(page, '.error-text')).toBe('操作太频繁，请稍后再试')
  })
})
