const api = require('../../utils/api')
const { loadInto, shownAgain } = require('../../utils/load')
const { formatCents } = require('../../utils/money')
const { localToday } = require('../../utils/dates')

Component({
  data: {
    loading: true,
    error: '',
    me: null,
    nicknameDraft: '',
    saving: false,
    isStaff: false,
    // The birthday picker ends today: nobody is born in the future.
    birthdayEnd: '',
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
      return this.load()
    },
    onShow() {
      if (shownAgain(this)) return this.load({ quiet: true })
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    load(options) {
      return loadInto(this, async () => {
        const me = await api.me({ silent: true })
        const isStaff = api.isStaff(me)
        // A nickname being typed (different from the saved one) survives a reload.
        const saved = this.data.me ? this.data.me.nickname : null
        const typing = saved !== null && this.data.nicknameDraft !== saved && this.data.nicknameDraft !== ''
        const nicknameDraft = typing ? this.data.nicknameDraft : (me.nickname || '')
        return { me: this.view(me), nicknameDraft, isStaff, birthdayEnd: localToday() }
      }, options)
    },
    view(me) {
      return {
        nickname: me.nickname || '微信用户',
        avatarUrl: me.avatarUrl,
        levelName: (me.level && me.level.name) || '',
        birthday: me.birthday || '',
        phoneMasked: me.phoneMasked || '',
        pointsBalance: me.points ? me.points.balance : 0,
        walletText: formatCents(me.wallet ? me.wallet.balanceCents : 0),
        unusedCoupons: me.coupons ? me.coupons.unused : 0
      }
    },
    onNicknameInput(e) {
      this.setData({ nicknameDraft: e.detail.value })
    },
    async saveNickname() {
      const nickname = this.data.nicknameDraft.trim()
      if (!nickname || this.data.saving) return
      await this.update({ nickname }, '昵称已保存')
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
