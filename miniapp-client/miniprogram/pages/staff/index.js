const api = require('../../utils/api')
const { formatCents, parseYuan } = require('../../utils/money')
const { formatInstant } = require('../../utils/dates')
const { errorMessage } = require('../../utils/errors')

const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/

function scan() {
  return new Promise((resolve) => {
    wx.scanCode({
      scanType: ['qrCode', 'barCode'],
      success: (res) => resolve(res.result),
      fail: () => resolve(null)
    })
  })
}

// The code stays beside the message so a clerk can quote it to support.
function errorText(err) {
  return err.network ? '网络连接失败，请检查网络后重试' : `${errorMessage(err)}${err.code ? `（${err.code}）` : ''}`
}

Component({
  data: {
    member: null,
    orderNo: '',
    amountText: '',
    plans: [],
    planNames: [],
    planIndex: -1,
    busy: false,
    result: null,
    error: ''
  },
  methods: {
    onLoad() {
      return api.walletPlans({ silent: true }).then(
        (plans) => this.setData({ plans, planNames: ['不使用方案'].concat(plans.map((p) => `${p.name}（充 ${formatCents(p.payCents)} 送 ${formatCents(p.bonusCents)}）`)) }),
        () => this.setData({ plans: [], planNames: [] })
      )
    },
    onOrderNoInput(e) {
      this.setData({ orderNo: e.detail.value.trim() })
    },
    onAmountInput(e) {
      this.setData({ amountText: e.detail.value.trim() })
    },
    onPlanChange(e) {
      const index = Number(e.detail.value) - 1
      const plan = this.data.plans[index]
      this.setData({ planIndex: index, amountText: plan ? formatCents(plan.payCents).slice(1).replace(/,/g, '') : this.data.amountText })
    },
    async run(action) {
      if (this.data.busy) return
      this.setData({ busy: true, error: '', result: null })
      try {
        this.setData({ result: await action() })
      } catch (err) {
        this.setData({ error: errorText(err) })
      } finally {
        this.setData({ busy: false })
      }
    },
    async scanMember() {
      const memberCode = await scan()
      if (!memberCode) return
      return this.run(async () => {
        const m = await api.resolveMember(memberCode)
        this.setData({
          member: {
            memberCode,
            nickname: m.nickname || '微信用户',
            levelName: (m.level && m.level.name) || '',
            pointsBalance: m.pointsBalance,
            walletText: formatCents(m.walletBalanceCents)
          }
        })
        return null
      })
    },
    order() {
      const { member, orderNo, amountText } = this.data
      if (!member) return { error: '请先扫会员码' }
      if (!ORDER_NO.test(orderNo)) return { error: '请填写订单号（字母、数字、_ 或 -）' }
      const amountCents = parseYuan(amountText)
      if (!amountCents) return { error: '请填写金额，如 12.34' }
      return { memberCode: member.memberCode, orderNo, amountCents }
    },
    withOrder(send) {
      const order = this.order()
      if (order.error) {
        this.setData({ error: order.error, result: null })
        return Promise.resolve()
      }
      return this.run(() => send(order))
    },
    awardPoints() {
      return this.withOrder(async (order) => {
        const r = await api.purchase(order)
        this.setData({ 'member.pointsBalance': r.pointsBalance })
        return { title: '积分已入账', lines: [`订单 ${r.orderNo}`, `消费 ${formatCents(order.amountCents)}，获得 ${r.pointsAwarded} 积分`, `积分余额 ${r.pointsBalance}`] }
      })
    },
    payFromWallet() {
      return this.withOrder(async (order) => {
        const r = await api.walletPayment(order)
        this.setData({ 'member.walletText': formatCents(r.balanceCents) })
        return { title: '储值支付成功', lines: [`订单 ${r.orderNo}`, `扣除本金 ${formatCents(r.principalCents)}，赠送金 ${formatCents(r.bonusCents)}`, `储值余额 ${formatCents(r.balanceCents)}`] }
      })
    },
    topUp() {
      return this.withOrder(async (order) => {
        const plan = this.data.plans[this.data.planIndex]
        const r = await api.topUp(plan ? Object.assign({ planId: plan.id }, order) : order)
        this.setData({ 'member.walletText': formatCents(r.balanceCents) })
        return { title: '充值成功', lines: [`订单 ${r.orderNo}`, `本金 ${formatCents(r.principalCents)}，赠送 ${formatCents(r.bonusCents)}`, `储值余额 ${formatCents(r.balanceCents)}`] }
      })
    },
    async scanCoupon() {
      const code = await scan()
      if (!code) return
      return this.run(async () => {
        const { coupon } = await api.verifyCoupon(code)
        return { title: '核销成功', lines: [`${coupon.name}`, `券码 ${coupon.code}`, `${formatInstant(coupon.usedAt)} 已使用`] }
      })
    }
  }
})
