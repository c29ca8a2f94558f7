const api = require('../../utils/api')
const config = require('../../config')
const subscriptions = require('../../utils/subscriptions')
const { loadInto, shownAgain } = require('../../utils/load')
const { shiftMonth, localToday } = require('../../utils/dates')

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

// The month as a grid starting on Sunday: blank cells first, then one cell per day.
function calendarCells(cal, today) {
  const first = new Date(`${cal.month}-01T00:00:00`)
  const blanks = Array.from({ length: first.getDay() }, (_, i) => ({ key: `b${i}`, blank: true }))
  const days = cal.days.map((d) => ({
    key: d.date,
    date: d.date,
    day: Number(d.date.slice(8, 10)),
    signedIn: d.signedIn,
    makeup: d.makeup,
    points: d.points,
    canMakeup: canMakeup(cal, d, today),
    today: d.date === today
  }))
  return blanks.concat(days)
}

// The backend's rule: makeupFrom <= day < today, not signed, and makeups left; no makeupFrom means makeups are off.
function canMakeup(cal, day, today) {
  return Boolean(cal.makeupFrom) && cal.makeupFrom <= day.date && day.date < today && !day.signedIn && cal.makeupLeft > 0
}

Component({
  data: {
    loading: true,
    error: '',
    weekdays: WEEKDAYS,
    month: '',
    today: '',
    cells: [],
    streak: 0,
    signedToday: false,
    makeupLeft: 0,
    makeupCostPoints: 0,
    todayPoints: 0,
    nextReward: null,
    signing: false,
    result: null,
    remindable: Boolean(config.signInReminderTemplateId)
  },
  methods: {
    onLoad() {
      const loading = this.load()
      subscriptions.load()
      return loading
    },
    onShow() {
      if (shownAgain(this)) return this.load(this.data.month || undefined, { quiet: true })
    },
    onPullDownRefresh() {
      return this.load(this.data.month).then(() => wx.stopPullDownRefresh())
    },
    load(month, options) {
      return loadInto(this, async () => {
        const cal = await api.calendar(month, { silent: true })
        const today = this.businessDay()
        const todayCell = cal.days.find((d) => d.date === today)
        return {
          month: cal.month,
          today,
          cells: calendarCells(cal, today),
          streak: cal.streak,
          signedToday: cal.signedToday,
          makeupLeft: cal.makeupLeft,
          todayPoints: todayCell && todayCell.signedIn ? todayCell.points : 0,
          nextReward: cal.nextReward,
          makeupCostPoints: cal.makeupCostPoints
        }
      }, options)
    },
    // Today is the business day the backend counts in. The phone's date stands in for it, read afresh on
    // every load so the page is right after midnight; a sign-in's date wins while it is later (the backend ahead).
    businessDay() {
      const local = localToday()
      return this.signedInOn && this.signedInOn > local ? this.signedInOn : local
    },
    prevMonth() {
      return this.load(shiftMonth(this.data.month, -1))
    },
    nextMonth() {
      return this.load(shiftMonth(this.data.month, 1))
    },
    async signIn() {
      if (this.signingNow || this.data.signedToday) return
      this.signingNow = true
      this.setData({ signing: true })
      let signed = false
      try {
        const result = await api.signIn()
        signed = !result.alreadySignedIn
        this.signedInOn = result.date
        this.setData({ result })
        await this.load(result.date.slice(0, 7))
      } catch (err) {
        // the API module has shown the error
      } finally {
        this.signingNow = false
        this.setData({ signing: false })
      }
      if (signed) await subscriptions.offer('signIn', '开启签到提醒和积分、等级变动通知，不错过每日签到奖励')
    },
    async makeup(e) {
      const date = e.currentTarget.dataset.date
      const cell = this.data.cells.find((c) => c.date === date)
      if (!cell || !cell.canMakeup || this.signingNow) return
      const cost = this.data.makeupCostPoints
      const confirmed = await confirm({
        title: '补签',
        content: `补签 ${date} ${cost > 0 ? `将消耗 ${cost} 积分` : '不消耗积分'}，本月还可补签 ${this.data.makeupLeft} 次。确定补签吗？`
      })
      if (!confirmed) return
      this.signingNow = true
      try {
        const result = await api.makeup(date)
        this.setData({ result })
        await this.load(this.data.month)
      } catch (err) {
        // the API module has shown the error
      } finally {
        this.signingNow = false
      }
    },
    requestReminder() {
      const templateId = config.signInReminderTemplateId
      if (!templateId) return Promise.resolve()
      return new Promise((resolve) => {
        wx.requestSubscribeMessage({
          tmplIds: [templateId],
          success: (res) => resolve(res[templateId] === 'accept'),
          fail: () => resolve(false)
        })
      }).then((accepted) => {
        if (!accepted) return
        return api.subscribe(templateId).then(
          () => wx.showToast({ title: '已开启签到提醒', icon: 'none' }),
          () => {}
        )
      })
    },
    retry() {
      return this.load(this.data.month || undefined)
    }
  }
})

function confirm({ title, content }) {
  return new Promise((resolve) => {
    wx.showModal({ title, content, success: (res) => resolve(Boolean(res.confirm)), fail: () => resolve(false) })
  })
}
