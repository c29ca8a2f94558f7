const { pageLoader, text } = require('./render-page')
const { ok } = require('./wx-stub')

const render = pageLoader('wallet')

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
})
