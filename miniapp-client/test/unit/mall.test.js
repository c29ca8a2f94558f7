const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('mall')

const items = [
  { templateId: 3, name: '满50减10', type: 'CASH', pointsPrice: 100, stockLeft: 5, perMemberLimit: 2, redeemedByMe: 1, validDays: 30, validFrom: null, validTo: null },
  { templateId: 4, name: '免费咖啡', type: 'GIFT', pointsPrice: 50, stockLeft: 0, perMemberLimit: 1, redeemedByMe: 0, validDays: 7, validFrom: null, validTo: null }
]
const redeemed = { coupon: { id: 11, code: 'C0DE11', status: 'UNUSED', validFrom: '2025-03-01T00:00:00+08:00', validTo: '2025-03-31T00:00:00+08:00' }, pointsBalance: 200 }

describe('商城', () => {
  test('renders items with price, stock and my limit; an item out of stock cannot be redeemed', async () => {
    const { page } = render({ routes: { 'GET /api/app/points': ok({ balance: 300 }), 'GET /api/app/mall/items': ok(items) } })
    await page.instance.onLoad()
    expect(text(page, '.balance')).toBe('300')
    const names = page.querySelectorAll('.item-name').map((n) => n.dom.textContent)
    expect(names).toEqual(['满50减10', '免费咖啡'])
    expect(page.querySelectorAll('.price').map((n) => n.dom.textContent)).toEqual(['100 积分', '50 积分'])
    expect(page.querySelectorAll('.stock').map((n) => n.dom.textContent)).toEqual(['剩余 5', '剩余 0'])
    expect(page.querySelectorAll('.limit')[0].dom.textContent).toBe('每人限兑 2，已兑 1')
    expect(page.querySelectorAll('.redeem').map((n) => n.dom.textContent.trim())).toEqual(['兑换', '已兑完'])
  })

  test('redeeming asks first, posts with an Idempotency-Key, and shows the coupon and the new balance', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/points': [ok({ balance: 300 }), ok({ balance: 200 })],
      'GET /api/app/mall/items': ok(items),
      'POST /api/app/mall/items/3/redeem': ok(redeemed, 201)
    } })
    await page.instance.onLoad()
    wx.answerModal(true)
    page.querySelectorAll('.redeem')[0].dispatchEvent('tap')
    await flush()
    await flush()
    expect(wx.calls.modals[0].content).toBe('用 100 积分兑换「满50减10」？')
    const sent = wx.lastRequest('POST', '/api/app/mall/items/3/redeem')
    expect(sent.header['Idempotency-Key']).toMatch(/^mp-/)
    expect(text(page, '.result .ok')).toBe('兑换成功：满50减10')
    expect(text(page, '.result-balance')).toBe('200')
  })

  test('a declined confirm redeems nothing', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/points': ok({ balance: 300 }), 'GET /api/app/mall/items': ok(items) } })
    await page.instance.onLoad()
    wx.answerModal(false)
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    expect(wx.lastRequest('POST', '/api/app/mall')).toBeUndefined()
  })

  test('a retry after a lost answer sends the same key; the next redemption a new one', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/points': ok({ balance: 300 }),
      'GET /api/app/mall/items': ok(items),
      'POST /api/app/mall/items/3/redeem': ['NETWORK', ok(redeemed, 201)]
    } })
    await page.instance.onLoad()
    wx.answerModal(true) // confirm
    wx.answerModal(false) // no network retry now
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    wx.answerModal(true) // the member taps 兑换 again and confirms
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    wx.answerModal(true)
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    const keys = wx.calls.requests.filter((r) => r.method === 'POST').map((r) => r.header['Idempotency-Key'])
    expect(keys).toHaveLength(3)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })

  test('a refusal says why in Chinese', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/points': ok({ balance: 300 }),
      'GET /api/app/mall/items': ok(items),
      'POST /api/app/mall/items/3/redeem': problem(409, 'OUT_OF_STOCK', 'Out of stock')
    } })
    await page.instance.onLoad()
    wx.answerModal(true)
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['已兑完，请看看其他商品'])
    expect(page.data.result).toBeNull()
  })

  test('an empty mall says so', async () => {
    const { page } = render({ routes: { 'GET /api/app/points': ok({ balance: 0 }), 'GET /api/app/mall/items': ok([]) } })
    await page.instance.onLoad()
    expect(text(page, '.empty')).toBe('暂时没有可兑换的商品')
  })
})

describe('商城: sharing and the subscription prompt', () => {
  const subscriptions = require('../../miniprogram/utils/subscriptions')
  beforeEach(() => subscriptions.forget())

  test('the mall can be shared to a friend', () => {
    const { page } = render({ routes: { 'GET /api/app/points': ok({ balance: 300 }), 'GET /api/app/mall/items': ok(items) } })
    const share = page.instance.onShareAppMessage({ from: 'menu' })
    expect(share.path).toBe('/pages/mall/index')
    expect(share.title).toBeTruthy()
  })

  test('a redemption offers the coupon, points and wallet templates after it is shown', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/points': ok({ balance: 300 }),
      'GET /api/app/mall/items': ok(items),
      'POST /api/app/mall/items/3/redeem': ok(redeemed, 201),
      'GET /api/app/subscription-templates': ok({ signInReminder: 'tpl-remind', pointsChanged: 'tpl-points', walletChanged: 'tpl-wallet', couponChanged: 'tpl-coupon', levelChanged: 'tpl-level' }),
      'POST /api/app/subscriptions': (req) => ok({ templateId: req.data.templateId, grantsLeft: 1 })
    } })
    await page.instance.onLoad()
    wx.answerModal(true) // the redemption
    wx.answerModal(true) // the prompt
    wx.subscribeAnswer = { 'tpl-coupon': 'accept', 'tpl-points': 'reject', 'tpl-wallet': 'accept' }
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    expect(text(page, '.result .ok')).toBe('兑换成功：满50减10')
    expect(wx.calls.subscribePrompts).toEqual([['tpl-coupon', 'tpl-points', 'tpl-wallet']])
    const grants = wx.calls.requests.filter((r) => r.method === 'POST' && r.path === '/api/app/subscriptions')
    expect(grants.map((r) => r.data.templateId)).toEqual(['tpl-coupon', 'tpl-wallet'])
  })

  test('a refused redemption offers nothing', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/points': ok({ balance: 300 }),
      'GET /api/app/mall/items': ok(items),
      'POST /api/app/mall/items/3/redeem': problem(409, 'OUT_OF_STOCK', 'gone'),
      'GET /api/app/subscription-templates': ok({ signInReminder: '', pointsChanged: 'tpl-points', walletChanged: '', couponChanged: 'tpl-coupon', levelChanged: '' })
    } })
    await page.instance.onLoad()
    wx.answerModal(true)
    await page.instance.redeem({ currentTarget: { dataset: { id: 3 } } })
    expect(wx.calls.modals).toHaveLength(1)
    expect(wx.calls.subscribePrompts).toEqual([])
  })
})
