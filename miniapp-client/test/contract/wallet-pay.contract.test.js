// 充值 with WeChat Pay and 退款 against the real backend on its embedded default, where the WeChat sandbox
// stands in for WeChat Pay: the Mini Program's own API module and payment flow (utils/pay), as the pages run them.
const { payOrder, waitForPayment } = require('../../miniprogram/utils/pay')
const { client: backendClient, expectFields, createAdmin } = require('./backend')

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

// waiting for the payment notice takes up to ~10 s
jest.setTimeout(30000)

const client = (role) => backendClient(`ctpay-${RUN}`, role)
const admin = createAdmin()

const CASH_OUT_FIELDS = ['principalCents', 'bonusForfeitedCents', 'refunds', 'cashCents', 'closed']
const REFUND_FIELDS = ['orderNo', 'refundNo', 'amountCents', 'status']
const member = client('member')
const staff = client('staff')
const state = {}

describe('充值 with WeChat Pay and 退款 against the backend', () => {
  beforeAll(async () => {
    await admin.login()
    await member.api.login()
  })

  test('a plan\'s top-up order is paid by the sandbox; once PAID the wallet grew by pay + bonus', async () => {
    const before = await member.api.wallet()
    const plan = await admin('POST', '/api/admin/wallet-plans', { name: `充100送20-${RUN}`, payCents: 10000, bonusCents: 2000 })
    const order = await member.api.topUpOrder({ planId: plan.id })
    expectFields(order, ['orderNo', 'amountCents', 'bonusCents', 'payParams.timeStamp', 'payParams.nonceStr',
      'payParams.package', 'payParams.signType', 'payParams.paySign', 'sandbox'])
    expect(order).toMatchObject({ amountCents: 10000, bonusCents: 2000, sandbox: true })

    const created = await member.api.topUpOrderStatus(order.orderNo)
    expectFields(created, ['orderNo', 'status', 'amountCents', 'bonusCents', 'createdAt', 'paidAt'])
    expect(created).toMatchObject({ orderNo: order.orderNo, status: 'CREATED', amountCents: 10000, bonusCents: 2000, paidAt: null })

    expect(await payOrder(member.api, order)).toBe('PAID')
    const paid = await waitForPayment(member.api, order.orderNo)
    expect(paid).toMatchObject({ orderNo: order.orderNo, status: 'PAID', amountCents: 10000, bonusCents: 2000 })
    expect(paid.paidAt).toBeTruthy()

    const after = await member.api.wallet()
    expect(after.balanceCents).toBe(before.balanceCents + 12000)
    expect(after.principalCents).toBe(before.principalCents + 10000)
    expect(after.bonusCents).toBe(before.bonusCents + 2000)
    state.paidOrderNo = order.orderNo
  })

  test('an amount of one\'s own is ordered without a bonus, and stays CREATED until paid', async () => {
    const order = await member.api.topUpOrder({ amountCents: 1234 })
    expect(order).toMatchObject({ amountCents: 1234, bonusCents: 0, sandbox: true })
    expect((await member.api.topUpOrderStatus(order.orderNo)).status).toBe('CREATED')
    expect((await member.api.wallet()).balanceCents).toBe(12000)
  })

  test('a top-up in cash at the counter adds principal that WeChat Pay cannot refund', async () => {
    const login = await staff.api.login()
    const store = await admin('POST', '/api/admin/stores', { name: `门店-${RUN}` })
    await admin('POST', '/api/admin/staff', { memberId: login.member.id, storeId: store.id })
    const { code } = await member.api.memberCode()
    const topUp = await staff.api.topUp({ memberCode: code, orderNo: `C${RUN}`, amountCents: 500 })
    expect(topUp.balanceCents).toBe(12500)
  })

  test('退款: the preview refunds the WeChat Pay order, pays the rest in cash and forfeits the bonus; cashing out empties and closes the wallet', async () => {
    const preview = await member.api.cashOutPreview()
    expectFields(preview, CASH_OUT_FIELDS)
    preview.refunds.forEach((r) => expectFields(r, REFUND_FIELDS))
    expect(preview).toMatchObject({ principalCents: 10500, bonusForfeitedCents: 2000, cashCents: 500, closed: false })
    expect(preview.refunds.map((r) => [r.orderNo, r.amountCents])).toEqual([[state.paidOrderNo, 10000]])

    const done = await member.api.cashOut()
    expectFields(done, CASH_OUT_FIELDS)
    done.refunds.forEach((r) => expectFields(r, REFUND_FIELDS))
    expect(done).toMatchObject({ principalCents: 10500, bonusForfeitedCents: 2000, cashCents: 500, closed: true })
    expect(done.refunds.map((r) => [r.orderNo, r.amountCents])).toEqual([[state.paidOrderNo, 10000]])
    expect(done.refunds[0].refundNo).toBeTruthy()

    const wallet = await member.api.wallet()
    expect(wallet).toMatchObject({ balanceCents: 0, principalCents: 0, bonusCents: 0 })
  })

  test('a closed wallet refuses top-up orders and a second cash-out with WALLET_CLOSED', async () => {
    await expect(member.api.topUpOrder({ amountCents: 100 })).rejects.toMatchObject({ status: 409, code: 'WALLET_CLOSED' })
    await expect(member.api.cashOut()).rejects.toMatchObject({ status: 409, code: 'WALLET_CLOSED' })
    expect(member.wx.toasts[member.wx.toasts.length - 1]).toBe('储值账户已关闭，请联系门店重新开通')
  })
})
