const api = require('../../../utils/api')
const { loadInto } = require('../../../utils/load')
const { formatCents, parseYuan } = require('../../../utils/money')
const { errorMessage } = require('../../../utils/errors')
const { payOrder, waitForPayment } = require('../../../utils/pay')

// The most a member may top up at once: the counter's limit for a top-up (loyalty.counter.max-order-cents).
const MAX_TOP_UP_CENTS = 1000000

function planView(p) {
  return { id: p.id, name: p.name, payCents: p.payCents, bonusCents: p.bonusCents, payText: formatCents(p.payCents), bonusText: formatCents(p.bonusCents) }
}

function failureText(err) {
  if (err.payment) return '支付没有完成，请重试'
  return err.network ? '网络连接失败，请检查网络后重试' : errorMessage(err)
}

Component({
  data: {
    loading: true,
    error: '',
    plans: [],
    planId: null,
    amountText: '',
    summary: '',
    busy: false,
    stage: '',
    notice: '',
    failure: '',
    // an order paid whose payment the backend has not confirmed yet: 刷新 asks again
    pendingOrderNo: '',
    result: null
  },
  methods: {
    // planId: the plan tapped on 储值, chosen already
    onLoad(query) {
      this.wantedPlanId = query && query.planId ? Number(query.planId) : null
      return this.load()
    },
    onUnload() {
      this.gone = true
    },
    load() {
      return loadInto(this, async () => {
        const plans = (await api.walletPlans({ silent: true })).map(planView)
        const wanted = plans.find((p) => p.id === this.wantedPlanId)
        return Object.assign({ plans }, wanted ? { planId: wanted.id, amountText: '', summary: this.summaryOf(wanted, null) } : {})
      })
    },
    retry() {
      return this.load()
    },
    choosePlan(e) {
      if (this.data.busy) return
      const plan = this.data.plans.find((p) => p.id === Number(e.currentTarget.dataset.id))
      if (!plan) return
      this.setData({ planId: plan.id, amountText: '', summary: this.summaryOf(plan, null), failure: '' })
    },
    onAmountInput(e) {
      const amountText = e.detail.value.trim()
      const cents = parseYuan(amountText)
      this.setData({ planId: null, amountText, summary: cents > 0 && cents <= MAX_TOP_UP_CENTS ? this.summaryOf(null, cents) : '', failure: '' })
    },
    summaryOf(plan, amountCents) {
      if (plan) return `支付 ${plan.payText}，到账 ${plan.payText} + 赠送 ${plan.bonusText}`
      return `支付 ${formatCents(amountCents)}，到账 ${formatCents(amountCents)}`
    },
    // The order's body: the chosen plan, or the amount typed in yuan as whole cents.
    orderBody() {
      const { planId, amountText } = this.data
      if (planId !== null) return { planId }
      if (!amountText) return { error: '请选择充值方案或输入金额' }
      const amountCents = parseYuan(amountText)
      if (amountCents === null) return { error: '请输入正确的金额，如 100 或 99.50' }
      if (amountCents <= 0) return { error: '充值金额须大于 0' }
      if (amountCents > MAX_TOP_UP_CENTS) return { error: `单笔充值不能超过 ${formatCents(MAX_TOP_UP_CENTS)}` }
      return { amountCents }
    },
    async pay() {
      if (this.data.busy) return
      const body = this.orderBody()
      if (body.error) {
        this.setData({ failure: body.error, notice: '', result: null })
        return
      }
      this.setData({ busy: true, stage: '正在下单…', failure: '', notice: '', result: null, pendingOrderNo: '' })
      try {
        const order = await api.topUpOrder(body)
        this.setData({ stage: '正在支付…' })
        if ((await payOrder(api, order)) === 'CANCELLED') {
          this.setData({ notice: '已取消' })
          return
        }
        await this.confirm(order.orderNo)
      } catch (err) {
        this.setData({ failure: failureText(err) })
      } finally {
        if (!this.gone) this.setData({ busy: false, stage: '' })
      }
    },
    // Waits for the backend to have the order PAID, then shows what came in and the new balance.
    async confirm(orderNo) {
      this.setData({ stage: '正在确认支付结果…' })
      const order = await waitForPayment(api, orderNo, { stopped: () => this.gone })
      if (this.gone) return
      if (order && order.status === 'PAID') {
        let balanceText = ''
        try {
          balanceText = formatCents((await api.wallet({ silent: true })).balanceCents)
        } catch (err) {
          // the credit is shown all the same; 储值 shows the balance
        }
        this.setData({
          pendingOrderNo: '',
          notice: '',
          result: { creditText: `到账 ${formatCents(order.amountCents)} + 赠送 ${formatCents(order.bonusCents)}`, balanceText, orderNo }
        })
      } else if (order && order.status === 'CLOSED') {
        this.setData({ pendingOrderNo: '', failure: '订单已关闭，没有扣款，请重新充值' })
      } else {
        this.setData({ pendingOrderNo: orderNo, notice: '支付结果确认中，稍后点「刷新」查看' })
      }
    },
    async refresh() {
      const orderNo = this.data.pendingOrderNo
      if (this.data.busy || !orderNo) return
      this.setData({ busy: true, notice: '', failure: '' })
      try {
        await this.confirm(orderNo)
      } finally {
        if (!this.gone) this.setData({ busy: false, stage: '' })
      }
    },
    backToWallet() {
      wx.navigateBack({ delta: 1 })
    }
  },
  lifetimes: {
    detached() {
      this.gone = true
    }
  }
})
