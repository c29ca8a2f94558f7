const api = require('../../utils/api')
const { loadInto, shownAgain } = require('../../utils/load')
const { formatCents } = require('../../utils/money')
const { localToday } = require('../../utils/dates')
const { errorMessage } = require('../../utils/errors')
const newCoupons = require('../../utils/new-coupons')

// WeChat's own image of an official-account QR code ticket; scanning it in WeChat follows the account and links it.
const QR_IMAGE = 'https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket='

// What the member can do about a refused avatar (the backend takes PNG, JPEG, GIF or WebP of at most 2 MB).
function avatarRefusal(err) {
  if (err.status === 413) return '头像图片不能超过 2MB'
  if (err.code === 'VALIDATION_FAILED') return '请选择 PNG、JPG、GIF 或 WebP 格式的图片'
  return errorMessage(err)
}

function qrImageUrl(ticket) {
  return QR_IMAGE + encodeURIComponent(ticket)
}

Component({
  data: {
    loading: true,
    error: '',
    me: null,
    nicknameDraft: '',
    saving: false,
    uploadingAvatar: false,
    isStaff: false,
    // 关注公众号: offered while the member does not follow the official account; the QR code once asked for
    offerFollow: false,
    followQr: null,
    followLoading: false,
    // The birthday picker ends today: nobody is born in the future.
    birthdayEnd: '',
    // unused coupons 我的券 has not shown yet: a badge on its entry and on the 我的 tab
    newCoupons: 0,
    links: [
      { url: '/pages/points/index', name: '我的积分' },
      { url: '/pages/coupons/index', name: '我的券' },
      { url: '/pages/wallet/index', name: '储值' },
      { url: '/pages/rebates/index', name: '消费返点' },
      { url: '/pages/leaderboard/index', name: '连签排行榜' }
    ]
  },
  methods: {
    onLoad() {
      const loading = this.load()
      this.checkFollow()
      return loading
    },
    onShow() {
      if (shownAgain(this)) {
        // back from following the account in WeChat: the card goes once the link is made
        if (this.data.offerFollow) this.checkFollow()
        return this.load({ quiet: true })
      }
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    async load(options) {
      const loaded = await loadInto(this, async () => {
        const me = await api.me({ silent: true })
        this.memberId = me.id
        const isStaff = api.isStaff(me)
        // A nickname being typed (different from the saved one) survives a reload.
        const saved = this.data.me ? this.data.me.nickname : null
        const typing = saved !== null && this.data.nicknameDraft !== saved && this.data.nicknameDraft !== ''
        const nicknameDraft = typing ? this.data.nicknameDraft : (me.nickname || '')
        return { me: this.view(me), nicknameDraft, isStaff, birthdayEnd: localToday() }
      }, options)
      if (loaded) await this.countNewCoupons()
      return loaded
    },
    // A count that cannot be had leaves the badges as they are.
    async countNewCoupons() {
      if (!this.memberId) return
      try {
        const count = await newCoupons.countNew(this.memberId)
        this.setData({ newCoupons: count })
        newCoupons.showBadge(count)
      } catch (err) {
        // the badges stay as they were
      }
    },
    view(me) {
      return {
        nickname: me.nickname || '微信用户',
        avatarUrl: me.avatarUrl,
        avatarSrc: api.absoluteUrl(me.avatarUrl),
        levelName: (me.level && me.level.name) || '',
        birthday: me.birthday || '',
        phoneMasked: me.phoneMasked || '',
        pointsBalance: me.points ? me.points.balance : 0,
        walletText: formatCents(me.wallet ? me.wallet.balanceCents : 0),
        unusedCoupons: me.coupons ? me.coupons.unused : 0
      }
    },
    // chooseAvatar hands over a temporary file of the picked avatar (WeChat's or a photo): it is uploaded as is.
    async onChooseAvatar(e) {
      const filePath = e && e.detail && e.detail.avatarUrl
      if (!filePath || this.data.uploadingAvatar) return
      this.setData({ uploadingAvatar: true })
      try {
        const me = await api.uploadAvatar(filePath, { silent: true })
        this.setData({ 'me.avatarUrl': me.avatarUrl, 'me.avatarSrc': api.absoluteUrl(me.avatarUrl) })
        wx.showToast({ title: '头像已更新', icon: 'success' })
      } catch (err) {
        wx.showToast({ title: avatarRefusal(err), icon: 'none', duration: 2500 })
      } finally {
        this.setData({ uploadingAvatar: false })
      }
    },
    onNicknameInput(e) {
      this.setData({ nicknameDraft: e.detail.value })
    },
    // <input type="nickname">: picking the WeChat nickname fills the field without an input event, so blur and
    // confirm carry the value; it is saved when it differs from the saved one.
    async saveNickname(e) {
      if (e && e.detail && typeof e.detail.value === 'string') this.setData({ nicknameDraft: e.detail.value })
      const nickname = this.data.nicknameDraft.trim()
      const saved = this.data.me ? this.data.me.nickname : ''
      if (!nickname || this.data.saving || (e && nickname === saved)) return
      await this.update({ nickname }, '昵称已保存')
    },
    // WeChat checks a typed nickname after the fact; one it refuses is not kept.
    onNicknameReview(e) {
      if (e && e.detail && e.detail.pass === false) {
        this.setData({ nicknameDraft: this.data.me ? this.data.me.nickname : '' })
        wx.showToast({ title: '昵称未通过微信审核，请换一个', icon: 'none' })
      }
    },
    async checkFollow() {
      try {
        const account = await api.officialAccount({ silent: true })
        this.setData({ offerFollow: Boolean(account) && account.linked === false })
      } catch (err) {
        this.setData({ offerFollow: false })
      }
    },
    async showFollowQr() {
      if (this.data.followLoading) return
      this.setData({ followLoading: true })
      try {
        const qr = await api.officialAccountQrCode()
        this.setData({ followQr: { src: qrImageUrl(qr.ticket), expiresAt: qr.expiresAt } })
      } catch (err) {
        // the API module has shown the error
      } finally {
        this.setData({ followLoading: false })
      }
    },
    closeFollowQr() {
      this.setData({ followQr: null })
      return this.checkFollow()
    },
    async onBirthdayChange(e) {
      const birthday = e.detail.value
      const ok = await new Promise((resolve) => {
        wx.showModal({
          title: '设置生日',
          content: `生日设置为 ${birthday}，设置后不能修改。确定吗？`,
          success: (res) => resolve(Boolean(res.confirm)),
          fail: () => resolve(false)
        })
      })
      if (ok) await this.update({ birthday }, '生日已设置')
    },
    async update(change, done) {
      this.setData({ saving: true })
      try {
        const me = await api.updateMe(change)
        this.setData({ me: this.view(me), nicknameDraft: me.nickname || '' })
        wx.showToast({ title: done, icon: 'success' })
      } catch (err) {
        // the API module has shown the error
      } finally {
        this.setData({ saving: false })
      }
    },
    async onGetPhoneNumber(e) {
      const code = e.detail && e.detail.code
      if (!code) {
        wx.showToast({ title: '未授权手机号', icon: 'none' })
        return
      }
      try {
        const res = await api.bindPhone(code)
        this.setData({ 'me.phoneMasked': res.phoneMasked })
        wx.showToast({ title: '手机号已绑定', icon: 'success' })
      } catch (err) {
        // the API module has shown the error
      }
    },
    open(e) {
      wx.navigateTo({ url: e.currentTarget.dataset.url })
    },
    openStaff() {
      wx.navigateTo({ url: '/pages/staff/index' })
    },
    retry() {
      return this.load()
    }
  }
})
