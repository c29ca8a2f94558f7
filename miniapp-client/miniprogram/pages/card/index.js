const api = require('../../utils/api')
const { formatCents } = require('../../utils/money')
const { qrDataUrl } = require('../../utils/qr')
const { loadInto, shownAgain } = require('../../utils/load')
const { errorMessage } = require('../../utils/errors')

// A code pays for one order. While the card is shown it asks this often whether its code is still good
// (unspent, not about to expire): the backend answers the same code or a fresh one, so after a purchase the
// card shows a new code within seconds and a scan never meets a dead code.
const POLL_MS = 5000

function levelProgress(growth) {
  if (!growth) return null
  const next = growth.nextLevel
  if (!next) return { percent: 100, text: '已是最高等级' }
  const percent = next.minGrowth > 0 ? Math.min(100, Math.floor((growth.growth * 100) / next.minGrowth)) : 100
  return { percent, text: `再获得 ${growth.growthToNext} 成长值升级为「${next.name}」` }
}

Component({
  data: {
    loading: true,
    error: '',
    nickname: '',
    levelName: '',
    progress: null,
    pointsBalance: 0,
    walletText: '',
    memberCode: '',
    qrSrc: '',
    codeError: ''
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onShow() {
      this.hidden = false
      if (shownAgain(this)) return this.load({ quiet: true })
    },
    onHide() {
      this.hidden = true
      this.stopRefresh()
    },
    onUnload() {
      this.hidden = true
      this.stopRefresh()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    // 分享给好友: the friend opens their own card (the member code on screen is never part of the share)
    onShareAppMessage() {
      return { title: '邀请你成为会员，每日签到领积分', path: '/pages/card/index' }
    },
    load(options) {
      return loadInto(this, async () => {
        const me = await api.me({ silent: true })
        return {
          nickname: me.nickname || '微信用户',
          levelName: (me.level && me.level.name) || '',
          progress: levelProgress(me.growth),
          pointsBalance: me.points ? me.points.balance : 0,
          walletText: formatCents(me.wallet ? me.wallet.balanceCents : 0)
        }
      }, options).then(() => {
        // A failed quiet reload leaves the card on screen, so its code must stay live.
        if (!this.data.error) return this.refreshCode()
      })
    },
    // Only a visible card refreshes its code. Hiding, leaving or refreshing again moves the generation on,
    // and an answer for an older generation is dropped, so a fetch in flight at onHide schedules no timer.
    async refreshCode() {
      this.stopRefresh()
      if (this.hidden) return
      const generation = this.codeGeneration
      try {
        const code = await api.memberCode(this.data.memberCode, { silent: true })
        if (generation !== this.codeGeneration) return
        if (code.code !== this.data.memberCode || !this.data.qrSrc) {
          this.setData({ memberCode: code.code, qrSrc: qrDataUrl(code.code), codeError: '' })
        }
        this.timer = setTimeout(() => this.refreshCode(), POLL_MS)
      } catch (err) {
        if (generation !== this.codeGeneration) return
        this.setData({ qrSrc: '', codeError: `${errorMessage(err)}，点此重试` })
      }
    },
    stopRefresh() {
      if (this.timer) clearTimeout(this.timer)
      this.timer = null
      this.codeGeneration = (this.codeGeneration || 0) + 1
    },
    retry() {
      return this.load()
    }
  },
  lifetimes: {
    detached() {
      this.hidden = true
      this.stopRefresh()
    }
  }
})
