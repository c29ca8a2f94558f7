const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('wallet/cash-out')

// 150.00 of principal: 100.00 and 30.00 paid with WeChat Pay (refunded newest first), 20.00 paid in cash at a store.
const preview = {
  principalCents: 15000,
  bonusForfeitedCents: 1800,
  refunds: [
    { orderNo: 'TU2', refundNo: null, amountCents: 3000, status: null },
    { orderNo: 'TU1', refundNo: null, amountCents: 10000, status: null }
  ],
  cashCents: 2000,
  closed: false
}
const done = Object.assign({}, preview, {
  refunds: [
    { orderNo: 'TU2', refundNo: 'RF2', amountCents: 3000, status: 'SUCCESS' },
    { orderNo: 'TU1', refundNo: 'RF1', amountCents: 10000, status: 'PROCESSING' }
  ],
  closed: true
})

async function loaded(routes) {
  const rendered = render({ routes: Object.assign({ 'GET /api/app/wallet/cash-out': ok(preview) }, routes) })
  await rendered.page.instance.onLoad()
  return rendered
}

describe('退款', () => {
  test('the preview shows the principal, each refund to WeChat Pay, the cash part, the bonus forfeited and that the account closes', async () => {
    const { page } = await loaded({})
    expect(text(page, '.principal')).toBe('¥150.00')
    const refunds = page.querySelectorAll('.refund')
    expect(page.querySelectorAll('.refund-amount').map((n) => n.dom.textContent)).toEqual(['¥30.00', '¥100.00'])
    expect(refunds[0].dom.textContent).toContain('原路退回微信支付')
    expect(refunds[0].dom.textContent).toContain('TU2')
    expect(text(page, '.cash-amount')).toBe('¥20.00')
    expect(text(page, '.cash')).toContain('到店领取现金')
    expect(text(page, '.forfeited-amount')).toBe('¥18.00')
    expect(text(page, '.forfeited')).toContain('将作废')
    expect(text(page, '.warning')).toContain('储值账户将关闭')
    expect(text(page, '.confirm')).toBe('申请退款')
  })

  test('a wallet of WeChat Pay top-ups alone and no bonus shows no cash and nothing forfeited', async () => {
    const { page } = await loaded({ 'GET /api/app/wallet/cash-out': ok({ principalCents: 5000, bonusForfeitedCents: 0, refunds: [{ orderNo: 'TU9', refundNo: null, amountCents: 5000, status: null }], cashCents: 0, closed: false }) })
    expect(page.querySelectorAll('.refund')).toHaveLength(1)
    expect(text(page, '.cash')).toBeNull()
    expect(text(page, '.forfeited')).toBeNull()
    expect(text(page, '.confirm')).toBe('申请退款')
  })

  test('asks first, naming the refund, the cash, the forfeited bonus and the closing; then posts and shows the result', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/cash-out': ok(done) })
    wx.answerModal(true)
    page.querySelector('.confirm').dispatchEvent('tap')
    await flush()
    await flush()
    expect(wx.calls.modals).toHaveLength(1)
    expect(wx.calls.modals[0].content).toBe(
      '退回 ¥150.00（原路退回微信支付 ¥130.00，到店领取现金 ¥20.00），赠送金 ¥18.00 作废。退款后储值账户将关闭，不能再充值或使用储值支付。确定退款？'
    )
    const sent = wx.lastRequest('POST', '/api/app/wallet/cash-out')
    expect(sent.data).toBeUndefined()
    expect(sent.header['Idempotency-Key']).toMatch(/^mp-/)
    expect(text(page, '.result-title')).toBe('退款已提交，储值账户已关闭')
    expect(text(page, '.result-principal')).toBe('¥150.00')
    expect(page.querySelectorAll('.refund-status').map((n) => n.dom.textContent)).toEqual(['已退回', '退款中'])
    expect(text(page, '.result-cash')).toContain('¥20.00')
    expect(text(page, '.result-forfeited')).toBe('赠送金 ¥18.00 已作废')
    expect(text(page, '.confirm')).toBeNull()
  })

  test('a declined confirm posts nothing', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/cash-out': ok(done) })
    wx.answerModal(false)
    await page.instance.cashOut()
    expect(wx.calls.modals).toHaveLength(1)
    expect(wx.lastRequest('POST', '/api/app/wallet/cash-out')).toBeUndefined()
    expect(text(page, '.result')).toBeNull()
  })

  test('a wallet closed meanwhile says 储值账户已关闭，请联系门店重新开通', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/cash-out': problem(409, 'WALLET_CLOSED', 'Wallet is closed') })
    wx.answerModal(true)
    await page.instance.cashOut()
    expect(text(page, '.failure')).toBe('储值账户已关闭，请联系门店重新开通')
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['储值账户已关闭，请联系门店重新开通'])
    expect(text(page, '.result')).toBeNull()
  })

  test('a closed wallet offers no refund, whether the preview says closed or refuses', async () => {
    const { page, wx } = await loaded({ 'GET /api/app/wallet/cash-out': ok(Object.assign({}, preview, { closed: true })) })
    expect(text(page, '.closed')).toBe('储值账户已关闭，请联系门店重新开通')
    expect(text(page, '.confirm')).toBeNull()
    await page.instance.cashOut()
    expect(wx.calls.modals).toEqual([])

    const refused = await loaded({ 'GET /api/app/wallet/cash-out': problem(409, 'WALLET_CLOSED', 'Wallet is closed') })
    expect(text(refused.page, '.error-text')).toBe('储值账户已关闭，请联系门店重新开通')
    expect(text(refused.page, '.confirm')).toBeNull()
  })

  test('an empty wallet has nothing to refund', async () => {
    const { page } = await loaded({ 'GET /api/app/wallet/cash-out': ok({ principalCents: 0, bonusForfeitedCents: 0, refunds: [], cashCents: 0, closed: false }) })
    expect(text(page, '.nothing')).toBe('储值余额为 0，没有可退的金额')
    expect(text(page, '.confirm')).toBeNull()
  })
})
