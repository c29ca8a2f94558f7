const { pageLoader, text } = require('./render-page')
const { ok, flush } = require('./wx-stub')

const render = pageLoader('wallet')

const walletRoutes = (balanceCents) => ({
  'GET /api/app/wallet': ok({ balanceCents, principalCents: balanceCents, bonusCents: 0 }),
  'GET /api/app/wallet/plans': ok([{ id: 2, name: '充100送10', payCents: 10000, bonusCents: 1000 }]),
  'GET /api/app/wallet/ledger': ok({ items: [], page: 1, size: 20, total: 0 })
})

describe('储值', () => {
  test('renders the balance split, the plans and the ledger in yuan from cents', async () => {
    const { page } = render({ routes: {
      'GET /api/app/wallet': ok({ balanceCents: 8500, principalCents: 7500, bonusCents: 1000 }),
      'GET /api/app/wallet/plans': ok([{ id: 2, name: '充100送10', payCents: 10000, bonusCents: 1000 }]),
      'GET /api/app/wallet/ledger': ok({ items: [
        { id: 2, deltaCents: -2500, principalDeltaCents: -2500, bonusDeltaCents: 0, balanceAfterCents: 8500, type: 'PAY', orderNo: 'W1', storeId: 1, createdAt: '2025-03-02T10:00:00+08:00' },
        { id: 1, deltaCents: 11000, principalDeltaCents: 10000, bonusDeltaCents: 1000, balanceAfterCents: 11000, type: 'TOP_UP', orderNo: 'T1', storeId: 1, createdAt: '2025-03-01T10:00:00+08:00' }
      ], page: 1, size: 20, total: 2 })
    } })
    await page.instance.onLoad()
    expect(text(page, '.balance')).toBe('¥85.00')
    expect(text(page, '.principal')).toBe('¥75.00')
    expect(text(page, '.bonus')).toBe('¥10.00')
    expect(text(page, '.plan')).toContain('充 ¥100.00 送 ¥10.00')
    expect(page.querySelectorAll('.delta').map((n) => n.dom.textContent)).toEqual(['-¥25.00', '+¥110.00'])
  })

  test('充值 and 退款 open their pages; a plan tapped opens 充值 with it chosen', async () => {
    const { page, wx } = render({ routes: walletRoutes(0) })
    await page.instance.onLoad()
    page.querySelector('.top-up').dispatchEvent('tap')
    page.querySelector('.plan').dispatchEvent('tap')
    page.querySelector('.cash-out').dispatchEvent('tap')
    await flush()
    expect(wx.calls.navigations).toEqual(['/pages/wallet/top-up/index', '/pages/wallet/top-up/index?planId=2', '/pages/wallet/cash-out/index'])
  })

  test('back from 充值 or 退款 the balance is read again; the first show after loading does not', async () => {
    const routes = walletRoutes(0)
    routes['GET /api/app/wallet'] = [ok({ balanceCents: 0, principalCents: 0, bonusCents: 0 }), ok({ balanceCents: 11000, principalCents: 10000, bonusCents: 1000 })]
    const { page, wx } = render({ routes })
    await page.instance.onLoad()
    await page.instance.onShow()
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/wallet')).toHaveLength(1)
    await page.instance.onShow()
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/wallet')).toHaveLength(2)
    expect(text(page, '.balance')).toBe('¥110.00')
  })
})
