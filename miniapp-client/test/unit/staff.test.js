const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('staff')

const CODE = '000000000712345678'
const resolved = { memberId: 7, nickname: '小红', level: { code: 'SILVER', name: '银卡' }, pointsBalance: 320, walletBalanceCents: 5000 }

async function scannedMember(routes) {
  const { page, wx } = render({ routes: Object.assign({
    'GET /api/app/wallet/plans': ok([{ id: 2, name: '充100送10', payCents: 10000, bonusCents: 1000 }]),
    'POST /api/staff/members/resolve': ok(resolved)
  }, routes) })
  await page.instance.onLoad()
  wx.answerScan(CODE)
  page.querySelector('.scan-member').dispatchEvent('tap')
  await flush()
  await flush()
  return { page, wx }
}

function fill(page, orderNo, amount) {
  page.instance.onOrderNoInput({ detail: { value: orderNo } })
  page.instance.onAmountInput({ detail: { value: amount } })
}

describe('店员工作台', () => {
  test('scanning a member code resolves it and shows the member', async () => {
    const { page, wx } = await scannedMember()
    expect(wx.lastRequest('POST', '/api/staff/members/resolve').data).toEqual({ memberCode: CODE })
    expect(text(page, '.member-name')).toContain('小红')
    expect(text(page, '.member-points')).toBe('320')
    expect(text(page, '.member-wallet')).toBe('¥50.00')
  })

  test('awarding purchase points posts the member code, order number and amount in cents', async () => {
    const { page, wx } = await scannedMember({ 'POST /api/staff/purchases': ok({ orderNo: 'A100', pointsAwarded: 88, pointsBalance: 408 }) })
    fill(page, 'A100', '88.5')
    await page.instance.awardPoints()
    expect(wx.lastRequest('POST', '/api/staff/purchases').data).toEqual({ memberCode: CODE, orderNo: 'A100', amountCents: 8850 })
    expect(text(page, '.result-title')).toBe('积分已入账')
    expect(page.querySelectorAll('.result-line').map((n) => n.dom.textContent)).toEqual(['订单 A100', '消费 ¥88.50，获得 88 积分', '积分余额 408'])
  })

  test('a wallet payment posts to payments and shows the new balance', async () => {
    const { page, wx } = await scannedMember({ 'POST /api/staff/wallet/payments': ok({ orderNo: 'W1', principalCents: 2000, bonusCents: 500, balanceCents: 2500 }) })
    fill(page, 'W1', '25')
    page.querySelector('.pay').dispatchEvent('tap')
    await flush()
    await flush()
    expect(wx.lastRequest('POST', '/api/staff/wallet/payments').data).toEqual({ memberCode: CODE, orderNo: 'W1', amountCents: 2500 })
    expect(text(page, '.member-wallet')).toBe('¥25.00')
    expect(text(page, '.result-title')).toBe('储值支付成功')
  })

  test('a top-up with a plan sends the plan and its amount', async () => {
    const { page, wx } = await scannedMember({ 'POST /api/staff/wallet/top-ups': ok({ orderNo: 'T1', principalCents: 10000, bonusCents: 1000, balanceCents: 16000 }) })
    page.instance.onPlanChange({ detail: { value: '1' } })
    page.instance.onOrderNoInput({ detail: { value: 'T1' } })
    await page.instance.topUp()
    expect(wx.lastRequest('POST', '/api/staff/wallet/top-ups').data).toEqual({ memberCode: CODE, orderNo: 'T1', amountCents: 10000, planId: 2 })
    expect(text(page, '.member-wallet')).toBe('¥160.00')
  })

  test('a refused payment is shown plainly with its code', async () => {
    const { page, wx } = await scannedMember({ 'POST /api/staff/wallet/payments': problem(409, 'WALLET_INSUFFICIENT', 'Wallet balance is insufficient') })
    fill(page, 'W2', '999')
    await page.instance.payFromWallet()
    expect(text(page, '.staff-error')).toBe('储值余额不足（WALLET_INSUFFICIENT）')
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['储值余额不足'])
  })

  test('a refusal the backend validated shows the field it names', async () => {
    const invalid = { status: 400, body: { status: 400, code: 'VALIDATION_FAILED', detail: 'Request is invalid', requestId: 'r-3',
      errors: [{ field: 'orderNo', message: 'size must be between 1 and 64' }] } }
    const { page } = await scannedMember({ 'POST /api/staff/purchases': invalid })
    fill(page, 'A1', '12')
    await page.instance.awardPoints()
    expect(text(page, '.staff-error')).toBe('orderNo：size must be between 1 and 64（VALIDATION_FAILED）')
  })

  test('a missing amount is caught before anything is sent', async () => {
    const { page, wx } = await scannedMember()
    fill(page, 'A1', '')
    await page.instance.awardPoints()
    expect(text(page, '.staff-error')).toBe('请填写金额，如 12.34')
    expect(wx.lastRequest('POST', '/api/staff/purchases')).toBeUndefined()
  })

  test('scanning a coupon verifies it; a used one says so', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/wallet/plans': ok([]),
      'POST /api/staff/coupons/verify': [
        ok({ coupon: { id: 11, name: '满50减10', code: 'C0DE11', status: 'USED', usedAt: '2025-03-15T10:00:00+08:00', storeId: 1 } }),
        problem(409, 'COUPON_ALREADY_USED', 'Coupon already used')
      ]
    } })
    await page.instance.onLoad()
    wx.answerScan('LC:C0DE11')
    await page.instance.scanCoupon()
    expect(wx.lastRequest('POST', '/api/staff/coupons/verify').data).toEqual({ code: 'LC:C0DE11' })
    expect(text(page, '.result-title')).toBe('核销成功')
    wx.answerScan('LC:C0DE11')
    await page.instance.scanCoupon()
    expect(text(page, '.staff-error')).toBe('这张券已使用（COUPON_ALREADY_USED）')
  })
})
