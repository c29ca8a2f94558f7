const { pageLoader, text } = require('./render-page')
const { ok } = require('./wx-stub')

const render = pageLoader('points')

const row = (id, delta) => ({ id, delta, balanceAfter: 100, type: delta > 0 ? 'EARN' : 'SPEND', source: 'SIGN_IN', remark: null, createdAt: '2025-03-01T08:00:00+08:00' })

describe('积分', () => {
  test('renders the balance, what expires soon, and loads more ledger rows at the bottom until all are shown', async () => {
    const first = Array.from({ length: 20 }, (_, i) => row(100 - i, 10))
    const { page, wx } = render({ routes: {
      'GET /api/app/points': ok({ balance: 180, totalEarned: 300, totalSpent: 120, totalExpired: 0, expiring: [{ expiresAt: '2025-04-01', amount: 30 }] }),
      'GET /api/app/points/ledger?page=1&size=20': ok({ items: first, page: 1, size: 20, total: 21 }),
      'GET /api/app/points/ledger?page=2&size=20': ok({ items: [row(1, -5)], page: 2, size: 20, total: 21 })
    } })
    await page.instance.onLoad()
    expect(text(page, '.balance')).toBe('180')
    expect(text(page, '.expiring')).toContain('30 积分')
    expect(page.querySelectorAll('.ledger-row')).toHaveLength(20)
    await page.instance.onReachBottom()
    expect(page.querySelectorAll('.ledger-row')).toHaveLength(21)
    expect(page.querySelectorAll('.delta').pop().dom.textContent).toBe('-5')
    await page.instance.onReachBottom()
    expect(wx.calls.requests.filter((r) => r.path.startsWith('/api/app/points/ledger'))).toHaveLength(2)
  })

  test('no history shows the empty state', async () => {
    const { page } = render({ routes: {
      'GET /api/app/points': ok({ balance: 0, totalEarned: 0, totalSpent: 0, totalExpired: 0, expiring: [] }),
      'GET /api/app/points/ledger': ok({ items: [], page: 1, size: 20, total: 0 })
    } })
    await page.instance.onLoad()
    expect(text(page, '.empty')).toBe('还没有积分记录')
    expect(text(page, '.no-expiring')).toBe('近期没有即将过期的积分')
  })
})
