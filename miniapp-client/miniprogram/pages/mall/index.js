const api = require('../../utils/api')
const { loadInto } = require('../../utils/load')
const { formatDate } = require('../../utils/dates')
const subscriptions = require('../../utils/subscriptions')

function shelfItem(item, balance) {
  const limitLeft = item.perMemberLimit - item.redeemedByMe
  let blocked = ''
  if (item.stockLeft <= 0) blocked = '已兑完'
  else if (limitLeft <= 0) blocked = '已达兑换上限'
  else if (balance < item.pointsPrice) blocked = '积分不足'
  return Object.assign({}, item, {
    validity: item.validDays ? `领取后 ${item.validDays} 天内有效` : `${item.validFrom || ''} 至 ${item.validTo || ''}`,
    limitText: `每人限兑 ${item.perMemberLimit}，已兑 ${item.redeemedByMe}`,
    blocked
  })
}

Component({
  data: {
    loading: true,
    error: '',
    balance: 0,
    items: [],
    redeeming: false,
    result: null
  },
  methods: {
    onLoad() {
      const loading = this.load()
      subscriptions.load()
      return loading
    },
    onShow() {
      if (this.loaded) return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    load() {
      return loadInto(this, async () => {
        const [points, items] = await Promise.all([api.points({ silent: true }), api.mallItems({ silent: true })])
        return { balance: points.balance, items: items.map((i) => shelfItem(i, points.balance)) }
      }).then((ok) => {
        this.loaded = ok
      })
    },
    async redeem(e) {
      const templateId = Number(e.currentTarget.dataset.id)
      const item = this.data.items.find((i) => i.templateId === templateId)
      if (!item || item.blocked || this.data.redeeming) return
      const confirmed = await new Promise((resolve) => {
        wx.showModal({
          title: '确认兑换',
          content: `用 ${item.pointsPrice} 积分兑换「${item.name}」？`,
          success: (res) => resolve(Boolean(res.confirm)),
          fail: () => resolve(false)
        })
      })
      if (!confirmed) return
      // One key per confirmed redemption; a network retry of it (and only it) sends the same key.
      if (!this.pending || this.pending.templateId !== templateId) {
        this.pending = { templateId, key: api.newIdempotencyKey() }
      }
      this.setData({ redeeming: true })
      let redeemed = false
      try {
        const res = await api.redeem(templateId, this.pending.key)
        this.pending = null
        redeemed = true
        this.setData({
          result: { name: item.name, code: res.coupon.code, validTo: formatDate(res.coupon.validTo), balance: res.pointsBalance },
          balance: res.pointsBalance
        })
        await this.load()
      } catch (err) {
        if (!err.network) this.pending = null
      } finally {
        this.setData({ redeeming: false })
      }
      if (redeemed) await subscriptions.offer('redeem', '开启券到期、积分和储值变动通知，及时知道你的权益变化')
    },
    // 分享给好友: the mall, opened on the friend's phone
    onShareAppMessage() {
      return { title: '积分兑好券，快来会员商城看看', path: '/pages/mall/index' }
    },
    closeResult() {
      this.setData({ result: null })
    },
    goCoupons() {
      wx.navigateTo({ url: '/pages/coupons/index' })
    },
    retry() {
      return this.load()
    }
  }
})
