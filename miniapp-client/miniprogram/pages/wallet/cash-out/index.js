const api = require('../../../utils/api')
const { loadInto } = require('../../../utils/load')
const { formatCents } = require('../../../utils/money')
const { errorMessage } = require('../../../utils/errors')

// A refund to WeChat Pay as the member reads it (WeChat settles refunds in minutes to days).
const REFUND_STATUS = { SUCCESS: '已退回', PROCESSING: '退款中', PENDING: '退款中', CLOSED: '退款未成功，门店会为你处理', ABNORMAL: '退款未成功，门店会为你处理', FAILED: '退款未成功，门店会为你处理' }

// What cashing out does (the preview) or did (the answer): the principal back, to WeChat Pay order by order
// and the rest in cash at a store; the bonus forfeited.
function cashOutView(r) {
  const refunds = (r.refunds || []).map((f) => ({
    orderNo: f.orderNo,
    refundNo: f.refundNo || '',
    amountText: formatCents(f.amountCents),
    statusText: f.status ? REFUND_STATUS[f.status] || '处理中' : ''
  }))
  return {
    principalText: formatCents(r.principalCents),
    bonusText: formatCents(r.bonusForfeitedCents),
    hasBonus: r.bonusForfeitedCents > 0,
    cashText: formatCents(r.cashCents),
    hasCash: r.cashCents > 0,
    refundsText: formatCents((r.refunds || []).reduce((sum, f) => sum + f.amountCents, 0)),
    refunds,
    closed: Boolean(r.closed),
    empty: !(r.principalCents > 0) && !(r.bonusForfeitedCents > 0)
  }
}

function confirmText(p) {
  const parts = []
  if (p.refunds.length) parts.push(`原路退回微信支付 ${p.refundsText}`)
  if (p.hasCash) parts.push(`到店领取现金 ${p.cashText}`)
  const back = parts.length ? `退回 ${p.principalText}（${parts.join('，')}）` : '没有可退的本金'
  const bonus = p.hasBonus ? `，赠送金 ${p.bonusText} 作废` : ''
  return `${back}${bonus}。退款后储值账户将关闭，不能再充值或使用储值支付。确定退款？`
}

Component({
  data: { loading: true, error: '', preview: null, busy: false, failure: '', result: null },
  methods: {
    onLoad() {
      return this.load()
    },
    load() {
      return loadInto(this, async () => ({ preview: cashOutView(await api.cashOutPreview({ silent: true })) }))
    },
    retry() {
      return this.load()
    },
    async cashOut() {
      const preview = this.data.preview
      if (this.data.busy || !preview || preview.closed || preview.empty) return
      const confirmed = await new Promise((resolve) => {
        wx.showModal({
          title: '确认退款并关闭储值',
          content: confirmText(preview),
          confirmText: '确认退款',
          confirmColor: '#b4282d',
          success: (res) => resolve(Boolean(res.confirm)),
          fail: () => resolve(false)
        })
      })
      if (!confirmed) return
      this.setData({ busy: true, failure: '' })
      try {
        this.setData({ result: cashOutView(await api.cashOut()) })
      } catch (err) {
        this.setData({ failure: err.network ? '网络连接失败，请检查网络后重试' : errorMessage(err) })
      } finally {
        this.setData({ busy: false })
      }
    },
    backToWallet() {
      wx.navigateBack({ delta: 1 })
    }
  }
})
