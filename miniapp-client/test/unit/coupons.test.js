const { pageLoader, text } = require('./render-page')
const { ok, problem } = require('./wx-stub')

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

  test('a load error shows with a retry', async () => {
    const { page } = render({ routes: { 'GET /api/app/coupons': problem(429, 'RATE_LIMITED', '操作太频繁，请稍后再试') } })
    await page.instance.onLoad()
    expect(text(page, '.error-text')).toBe('操作太频繁，请稍后再试')
  })
})
