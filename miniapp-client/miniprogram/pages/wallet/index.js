const api = require('../../utils/api')
const { loadInto, shownAgain } = require('../../utils/load')
const { loadPage } = require('../../utils/pager')
const { formatCents } = require('../../utils/money')
const { formatInstant } = require('../../utils/dates')

const TYPE_NAMES = { TOP_UP: '充值', PAY: '消费', REFUND: '退款', REBATE: '返点', ADJUST: '调整', BONUS_EXPIRED: '赠送金过期' }

function ledgerRow(row) {
  return Object.assign({}, row, {
    typeName: TYPE_NAMES[row.type] || row.type,
    deltaText: (row.deltaCents > 0 ? '+' : '') + formatCents(row.deltaCents),
    balanceText: formatCents(row.balanceAfterCents),
    time: formatInstant(row.createdAt)
  })
}

Component({
  data: { loading: true, error: '', wallet: null, plans: [], items: [], total: 0, nextPage: 1, loadingMore: false, moreError: '' },
  methods: {
    onLoad() {
      return this.load()
    },
    // back from 充值 or 退款: the balance and the ledger have moved
    onShow() {
      if (shownAgain(this)) return this.load({ quiet: true })
    },
    onReachBottom() {
      return loadPage(this, (page, size) => api.walletLedger(page, size, { silent: true }), { map: ledgerRow })
    },
    load(options) {
      return loadInto(this, async () => {
        const [wallet, plans] = await Promise.all([api.wallet({ silent: true }), api.walletPlans({ silent: true })])
        await loadPage(this, (page, size) => api.walletLedger(page, size, { silent: true }), { first: true, map: ledgerRow })
        return {
          wallet: {
            balanceText: formatCents(wallet.balanceCents),
            principalText: formatCents(wallet.principalCents),
            bonusText: formatCents(wallet.bonusCents)
          },
          plans: plans.map((p) => ({ id: p.id, name: p.name, payText: formatCents(p.payCents), bonusText: formatCents(p.bonusCents) }))
        }
      }, options)
    },
    retry() {
      return this.load()
    },
    // 充值, or a plan tapped: the top-up page with that plan chosen
    openTopUp(e) {
      const planId = e && e.currentTarget && e.currentTarget.dataset.id
      wx.navigateTo({ url: planId ? `/pages/wallet/top-up/index?planId=${planId}` : '/pages/wallet/top-up/index' })
    },
    openCashOut() {
      wx.navigateTo({ url: '/pages/wallet/cash-out/index' })
    }
  }
})
