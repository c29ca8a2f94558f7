const fs = require('fs')
const path = require('path')
const { pageLoader, text, ROOT } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')
const { ME_TAB_INDEX } = require('../../miniprogram/utils/new-coupons')

const renderMe = pageLoader('me')
const renderCoupons = pageLoader('coupons')

const coupon = (id, over = {}) => Object.assign({
  id, templateId: 3, name: `券${id}`, type: 'CASH', code: `C${id}`, status: 'UNUSED',
  validFrom: '2025-03-01T00:00:00+08:00', validTo: '2030-03-31T00:00:00+08:00', usedAt: null, storeId: null
}, over)
const member = (id) => ({ id, nickname: '小红', level: { code: 'SILVER', name: '银卡' }, points: { balance: 0 }, wallet: { balanceCents: 0 }, coupons: { unused: 0 }, staff: null })
const unused = (items) => ok({ items, page: 1, size: 100, total: items.length })
const unusedPage = (items) => ok({ items, page: 1, size: 20, total: items.length })
const storage = (memberId, over = {}) => Object.assign({ 'loyalty.token': 't-1', 'loyalty.memberId': memberId }, over)
const newMarks = (page) => page.querySelectorAll('.new-mark').length

describe('newly granted coupons', () => {
  test('the 我的 tab index the badge goes on is where app.json puts pages/me', () => {
    const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
    expect(app.tabBar.list[ME_TAB_INDEX].pagePath).toBe('pages/me/index')
  })

  test('我的 counts the unused coupons 我的券 has not shown, on the 我的券 entry and on the 我的 tab', async () => {
    const { page, wx } = renderMe({
      storage: storage(7, { 'loyalty.seenCoupons.7': [11] }),
      routes: {
        'GET /api/app/me': ok(member(7)),
        'GET /api/app/coupons?status=UNUSED&page=1&size=100': unused([coupon(11), coupon(12), coupon(13)])
      }
    })
    await page.instance.onLoad()
    expect(page.data.newCoupons).toBe(2)
    expect(text(page, '.new-coupons')).toBe('2')
    expect(wx.badge(ME_TAB_INDEX)).toBe('2')
    expect(wx.calls.badges[0]).toEqual({ index: ME_TAB_INDEX, text: '2' })
  })

  test('opening 我的券 marks the new ones 新, remembers them as seen and clears the badge; back on 我的 the count is gone', async () => {
    const first = renderCoupons({
      storage: storage(7, { 'loyalty.seenCoupons.7': [11] }),
      routes: { 'GET /api/app/coupons?status=UNUSED&page=1&size=20': unusedPage([coupon(13), coupon(12), coupon(11)]) }
    })
    await first.page.instance.onLoad()
    expect(first.page.data.items.map((c) => c.isNew)).toEqual([true, true, false])
    expect(newMarks(first.page)).toBe(2)
    expect(first.wx.storage['loyalty.seenCoupons.7'].slice().sort()).toEqual([11, 12, 13])
    expect(first.wx.badge(ME_TAB_INDEX)).toBeUndefined()
    expect(first.wx.calls.badges).toEqual([{ index: ME_TAB_INDEX, text: null }])

    const me = renderMe({
      storage: first.wx.storage,
      routes: {
        'GET /api/app/me': ok(member(7)),
        'GET /api/app/coupons?status=UNUSED&page=1&size=100': unused([coupon(11), coupon(12), coupon(13)])
      }
    })
    await me.page.instance.onLoad()
    expect(me.page.data.newCoupons).toBe(0)
    expect(me.page.querySelector('.new-coupons')).toBeFalsy()
    expect(me.wx.calls.badges).toEqual([{ index: ME_TAB_INDEX, text: null }])
  })

  test('the 新 marks stay while 我的券 is open, and a coupon seen before is never marked again', async () => {
    const routes = {
      'GET /api/app/coupons?status=UNUSED&page=1&size=20': unusedPage([coupon(12)]),
      'GET /api/app/coupons?status=USED&page=1&size=20': unusedPage([])
    }
    const first = renderCoupons({ storage: storage(7), routes })
    await first.page.instance.onLoad()
    await first.page.instance.switchTab({ currentTarget: { dataset: { status: 'USED' } } })
    await first.page.instance.switchTab({ currentTarget: { dataset: { status: 'UNUSED' } } })
    expect(newMarks(first.page)).toBe(1)

    const again = renderCoupons({ storage: first.wx.storage, routes })
    await again.page.instance.onLoad()
    expect(again.page.data.items.map((c) => c.isNew)).toEqual([false])
    expect(newMarks(again.page)).toBe(0)
  })

  test('coupons no longer unused are forgotten, and the ones still unused stay seen', async () => {
    const { page, wx } = renderMe({
      storage: storage(7, { 'loyalty.seenCoupons.7': [11, 12] }),
      routes: {
        'GET /api/app/me': ok(member(7)),
        // 11 was used at the counter, 14 was granted since
        'GET /api/app/coupons?status=UNUSED&page=1&size=100': unused([coupon(12), coupon(14)])
      }
    })
    await page.instance.onLoad()
    expect(page.data.newCoupons).toBe(1)
    expect(wx.storage['loyalty.seenCoupons.7']).toEqual([12])
  })

  test('two members on one phone each have their own seen coupons', async () => {
    const shared = storage(7)
    const routes = { 'GET /api/app/coupons?status=UNUSED&page=1&size=20': unusedPage([coupon(21)]) }
    const seven = renderCoupons({ storage: shared, routes })
    await seven.page.instance.onLoad()
    expect(seven.wx.storage['loyalty.seenCoupons.7']).toEqual([21])

    const eight = renderCoupons({ storage: Object.assign({}, seven.wx.storage, { 'loyalty.memberId': 8 }), routes })
    await eight.page.instance.onLoad()
    expect(newMarks(eight.page)).toBe(1)
    expect(eight.wx.storage['loyalty.seenCoupons.8']).toEqual([21])
    expect(eight.wx.storage['loyalty.seenCoupons.7']).toEqual([21])

    const meOfSeven = renderMe({
      storage: Object.assign({}, eight.wx.storage, { 'loyalty.memberId': 7 }),
      routes: {
        'GET /api/app/me': ok(member(7)),
        'GET /api/app/coupons?status=UNUSED&page=1&size=100': unused([coupon(21), coupon(22)])
      }
    })
    await meOfSeven.page.instance.onLoad()
    expect(meOfSeven.page.data.newCoupons).toBe(1)
  })

  test('a token kept from before member ids were remembered asks the backend whose coupons these are', async () => {
    const { page, wx } = renderCoupons({
      storage: { 'loyalty.token': 't-1' },
      routes: {
        'GET /api/app/me': ok(member(9)),
        'GET /api/app/coupons?status=UNUSED&page=1&size=20': unusedPage([coupon(31)])
      }
    })
    await page.instance.onLoad()
    expect(newMarks(page)).toBe(1)
    expect(wx.storage['loyalty.memberId']).toBe(9)
    expect(wx.storage['loyalty.seenCoupons.9']).toEqual([31])
  })

  test('later pages of 我的券 are marked and remembered as they are shown', async () => {
    const many = (from, n) => Array.from({ length: n }, (_, i) => coupon(from + i))
    const { page, wx } = renderCoupons({
      storage: storage(7),
      routes: {
        'GET /api/app/coupons?status=UNUSED&page=1&size=20': ok({ items: many(100, 20), page: 1, size: 20, total: 22 }),
        'GET /api/app/coupons?status=UNUSED&page=2&size=20': ok({ items: many(120, 2), page: 2, size: 20, total: 22 })
      }
    })
    await page.instance.onLoad()
    expect(wx.storage['loyalty.seenCoupons.7']).toHaveLength(20)
    await page.instance.onReachBottom()
    expect(page.data.items.filter((c) => c.isNew)).toHaveLength(22)
    expect(wx.storage['loyalty.seenCoupons.7']).toHaveLength(22)
  })

  test('a count that cannot be had leaves the badges alone and 我的 still shows', async () => {
    const { page, wx } = renderMe({
      storage: storage(7),
      routes: { 'GET /api/app/me': ok(member(7)), 'GET /api/app/coupons': problem(503, 'UNAVAILABLE', 'down') }
    })
    await page.instance.onLoad()
    await flush()
    expect(text(page, '.nickname')).toBe('小红')
    expect(wx.calls.badges).toEqual([])
    expect(wx.calls.toasts).toEqual([])
  })

  test('more than 99 new coupons read 99+', async () => {
    const many = Array.from({ length: 100 }, (_, i) => coupon(500 + i))
    const { page, wx } = renderMe({
      storage: storage(7),
      routes: { 'GET /api/app/me': ok(member(7)), 'GET /api/app/coupons?status=UNUSED&page=1&size=100': unused(many) }
    })
    await page.instance.onLoad()
    expect(wx.badge(ME_TAB_INDEX)).toBe('99+')
    expect(text(page, '.new-coupons')).toBe('99+')
  })
})
