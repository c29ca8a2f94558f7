const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('wallet/top-up')

const plans = [
  { id: 2, name: '充100送10', payCents: 10000, bonusCents: 1000 },
  { id: 3, name: '充500送80', payCents: 50000, bonusCents: 8000 }
]
const payParams = { timeStamp: '1735689600', nonceStr: 'n0nce', package: 'prepay_id=wx01', signType: 'RSA', paySign: 'c2lnbg==' }
const order = (extra) => Object.assign({ orderNo: 'TU1', amountCents: 10000, bonusCents: 1000, payParams, sandbox: false }, extra)
const status = (s, extra) => ok(Object.assign({ orderNo: 'TU1', status: s, amountCents: 10000, bonusCents: 1000, createdAt: '2025-03-01T10:00:00+08:00', paidAt: s === 'PAID' ? '2025-03-01T10:00:05+08:00' : null }, extra))
const statusCalls = (wx) => wx.calls.requests.filter((r) => r.path.startsWith('/api/app/wallet/top-up-orders/'))

// The wait for the payment backs off with timers: these tests run it on Jest's clock, a second at a time.
async function payOnFakeClock(page, seconds = 15) {
  const paying = page.instance.pay()
  for (let i = 0; i < seconds; i++) await jest.advanceTimersByTimeAsync(1000)
  await paying
}

async function loaded(routes, query) {
  const rendered = render({ routes: Object.assign({ 'GET /api/app/wallet/plans': ok(plans) }, routes) })
  await rendered.page.instance.onLoad(query || {})
  return rendered
}

describe('充值', () => {
  afterEach(() => jest.useRealTimers())

  test('shows each plan as 充 ¥X 送 ¥Y; choosing one orders that plan', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': ok(order(), 201) })
    expect(page.querySelectorAll('.plan-offer').map((n) => n.dom.textContent)).toEqual(['充 ¥100.00 送 ¥10.00', '充 ¥500.00 送 ¥80.00'])
    wx.answerPayment('requestPayment:fail cancel')
    page.querySelectorAll('.plan')[1].dispatchEvent('tap')
    await flush()
    expect(text(page, '.plan-chosen')).toContain('充500送80')
    expect(text(page, '.summary')).toBe('支付 ¥500.00，到账 ¥500.00 + 赠送 ¥80.00')
    await page.instance.pay()
    const sent = wx.lastRequest('POST', '/api/app/wallet/top-up-orders')
    expect(sent.data).toEqual({ planId: 3 })
    expect(sent.header['Idempotency-Key']).toMatch(/^mp-/)
    expect(sent.header.Authorization).toBe('Bearer t-1')
  })

  test('a custom amount is ordered in cents, and typing it drops the chosen plan', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': ok(order({ amountCents: 12345, bonusCents: 0 }), 201) })
    wx.answerPayment('requestPayment:fail cancel')
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    page.instance.onAmountInput({ detail: { value: ' 123.45 ' } })
    expect(page.data.planId).toBeNull()
    expect(text(page, '.summary')).toBe('支付 ¥123.45，到账 ¥123.45')
    await page.instance.pay()
    expect(wx.lastRequest('POST', '/api/app/wallet/top-up-orders').data).toEqual({ amountCents: 12345 })
  })

  test.each([
    ['', '请选择充值方案或输入金额'],
    ['0', '充值金额须大于 0'],
    ['0.00', '充值金额须大于 0'],
    ['12.345', '请输入正确的金额，如 100 或 99.50'],
    ['-5', '请输入正确的金额，如 100 或 99.50'],
    ['10000.01', '单笔充值不能超过 ¥10,000.00']
  ])('the amount %p is refused on the phone: %s', async (typed, message) => {
    const { page, wx } = await loaded({})
    page.instance.onAmountInput({ detail: { value: typed } })
    await page.instance.pay()
    expect(text(page, '.failure')).toBe(message)
    expect(wx.lastRequest('POST', '/api/app/wallet/top-up-orders')).toBeUndefined()
    expect(wx.calls.payments).toEqual([])
  })

  test('the largest amount allowed is ordered', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': ok(order({ amountCents: 1000000, bonusCents: 0 }), 201) })
    wx.answerPayment('requestPayment:fail cancel')
    page.instance.onAmountInput({ detail: { value: '10000' } })
    await page.instance.pay()
    expect(wx.lastRequest('POST', '/api/app/wallet/top-up-orders').data).toEqual({ amountCents: 1000000 })
  })

  test('WeChat\'s cashier gets exactly the payParams; the order is asked after until PAID, then the credit and balance show', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const { page, wx } = await loaded({
      'POST /api/app/wallet/top-up-orders': ok(order(), 201),
      'GET /api/app/wallet/top-up-orders/TU1': [status('CREATED'), status('CREATED'), status('PAID')],
      'GET /api/app/wallet': ok({ balanceCents: 13500, principalCents: 12000, bonusCents: 1500 })
    })
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await payOnFakeClock(page)
    expect(wx.calls.payments).toEqual([payParams])
    expect(statusCalls(wx)).toHaveLength(3)
    expect(wx.lastRequest('POST', '/wx-sandbox')).toBeUndefined()
    expect(text(page, '.result-title')).toBe('充值成功')
    expect(text(page, '.result-credit')).toBe('到账 ¥100.00 + 赠送 ¥10.00')
    expect(text(page, '.result-balance')).toBe('储值余额 ¥135.00')
    expect(page.data.busy).toBe(false)
    expect(text(page, '.notice')).toBeNull()
  })

  test('with the backend\'s sandbox the stand-in pays the order instead of WeChat\'s cashier', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const { page, wx } = await loaded({
      'POST /api/app/wallet/top-up-orders': ok(order({ sandbox: true }), 201),
      'POST /wx-sandbox/pay/simulate': ok({ orderNo: 'TU1' }),
      'GET /api/app/wallet/top-up-orders/TU1': status('PAID'),
      'GET /api/app/wallet': ok({ balanceCents: 11000, principalCents: 10000, bonusCents: 1000 })
    })
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await payOnFakeClock(page)
    expect(wx.calls.payments).toEqual([])
    const simulate = wx.lastRequest('POST', '/wx-sandbox/pay/simulate')
    expect(simulate.data).toEqual({ orderNo: 'TU1' })
    expect(simulate.header.Authorization).toBeUndefined()
    const ordered = wx.calls.requests.findIndex((r) => r.path === '/api/app/wallet/top-up-orders')
    const simulated = wx.calls.requests.indexOf(simulate)
    const firstPoll = wx.calls.requests.indexOf(statusCalls(wx)[0])
    expect(ordered).toBeLessThan(simulated)
    expect(simulated).toBeLessThan(firstPoll)
    expect(text(page, '.result-credit')).toBe('到账 ¥100.00 + 赠送 ¥10.00')
    expect(text(page, '.result-balance')).toBe('储值余额 ¥110.00')
  })

  test('closing WeChat\'s cashier says 已取消 and asks nothing after', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': ok(order(), 201) })
    wx.answerPayment('requestPayment:fail cancel')
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await page.instance.pay()
    expect(wx.calls.payments).toHaveLength(1)
    expect(text(page, '.notice')).toBe('已取消')
    expect(statusCalls(wx)).toEqual([])
    expect(text(page, '.result')).toBeNull()
    expect(text(page, '.failure')).toBeNull()
    expect(page.data.busy).toBe(false)
  })

  test('a cashier that fails otherwise says the payment did not go through, and asks nothing after', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': ok(order(), 201) })
    wx.answerPayment('requestPayment:fail 系统错误')
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await page.instance.pay()
    expect(text(page, '.failure')).toBe('支付没有完成，请重试')
    expect(statusCalls(wx)).toEqual([])
  })

  test('an order still CREATED after the wait says 支付结果确认中; 刷新 asks again and shows the credit once PAID', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    let paid = false
    const { page, wx } = await loaded({
      'POST /api/app/wallet/top-up-orders': ok(order(), 201),
      'GET /api/app/wallet/top-up-orders/TU1': () => status(paid ? 'PAID' : 'CREATED'),
      'GET /api/app/wallet': ok({ balanceCents: 11000, principalCents: 10000, bonusCents: 1000 })
    })
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await payOnFakeClock(page, 30)
    const asked = statusCalls(wx).length
    expect(asked).toBeGreaterThan(2)
    expect(text(page, '.notice')).toContain('支付结果确认中')
    expect(text(page, '.result')).toBeNull()
    expect(page.data.busy).toBe(false)
    // the wait is over: nothing more is asked by itself
    await jest.advanceTimersByTimeAsync(60000)
    expect(statusCalls(wx)).toHaveLength(asked)

    paid = true
    const refreshing = page.instance.refresh()
    await jest.advanceTimersByTimeAsync(1000)
    await refreshing
    expect(text(page, '.result-credit')).toBe('到账 ¥100.00 + 赠送 ¥10.00')
    expect(text(page, '.notice')).toBeNull()
    expect(text(page, '.refresh')).toBeNull()
  })

  test('a closed wallet cannot top up: 储值账户已关闭，请联系门店重新开通', async () => {
    const { page, wx } = await loaded({ 'POST /api/app/wallet/top-up-orders': problem(409, 'WALLET_CLOSED', 'Wallet is closed') })
    page.instance.choosePlan({ currentTarget: { dataset: { id: 2 } } })
    await page.instance.pay()
    expect(text(page, '.failure')).toBe('储值账户已关闭，请联系门店重新开通')
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['储值账户已关闭，请联系门店重新开通'])
    expect(wx.calls.payments).toEqual([])
  })

  test('a plan tapped on 储值 comes chosen', async () => {
    const { page } = await loaded({}, { planId: '3' })
    expect(page.data.planId).toBe(3)
    expect(text(page, '.plan-chosen')).toContain('充500送80')
  })
})
