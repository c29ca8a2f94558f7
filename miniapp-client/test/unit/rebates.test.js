const { pageLoader, text } = require('./render-page')
const { ok } = require('./wx-stub')

const render = pageLoader('rebates')

describe('返点', () => {
  test('renders this period\'s spend, rate, the next tier and the history', async () => {
    const { page } = render({ routes: { 'GET /api/app/rebates': ok({
      period: '2025-03', spentCents: 45000, rate: 2, nextTier: { thresholdCents: 100000, rate: 5, centsToGo: 55000 },
      history: [{ period: '2025-02', spentCents: 120000, rebateCents: 6000, status: 'CREDITED', creditedAs: 'WALLET' }]
    }) } })
    await page.instance.onLoad()
    expect(text(page, '.spent')).toBe('¥450.00')
    expect(text(page, '.rate')).toBe('当前返点比例 2%')
    expect(text(page, '.next-tier')).toBe('消费满 ¥1,000.00 返点 5%，还差 ¥550.00')
    expect(text(page, '.rebate')).toBe('¥60.00')
  })

  test('at the top tier and with no history it says so', async () => {
    const { page } = render({ routes: { 'GET /api/app/rebates': ok({ period: '2025-03', spentCents: 0, rate: 0, nextTier: null, history: [] }) } })
    await page.instance.onLoad()
    expect(text(page, '.top-tier')).toBe('已达到最高返点档位')
    expect(text(page, '.empty')).toBe('还没有返点记录')
  })
})
