const api = require('../../utils/api')
const config = require('../../config')
const { loadInto } = require('../../utils/load')
const { shiftMonth } = require('../../utils/dates')

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

// The month as a grid starting on Sunday: blank cells first, then one cell per day.
function calendarCells(cal, today) {
  const first = new Date(`${cal.month}-01T00:00:00`)
  const blanks = Array.from({ length: first.getDay() }, (_, i) => ({ key: `b${i}`, blank: true }))
  const days = cal.days.map((d) => {
    const missed = !d.signedIn && d.date < today && d.date.slice(0, 7) === today.slice(0, 7)
    return {
      key: d.date,
      date: d.date,
      day: Number(d.date.slice(8, 10)),
      signedIn: d.signedIn,
      makeup: d.makeup,
      points: d.points,
      canMakeup: missed && cal.makeupLeft > 0,
      today: d.date === today
    }
  })
  return blanks.concat(days)
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
    todayPoints: 0,
    nextReward: null,
    signing: false,
    result: null,
    remindable: Boolean(config.signInReminderTemplateId)
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onPullDownRefresh() {
      return this.load(this.data.month).then(() => wx.stopPullDownRefresh())
    },
    load(month) {
      return loadInto(this, async () => {
        const cal = await api.calendar(month, { silent: true })
        // Today is the business day the backend counts in; before the first sign-in the phone's date stands in.
        const today = this.data.today || localToday()
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
          makeupCostPoints: cal.makeupCostPoints === undefined ? null : cal.makeupCostPoints
        }
      })
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
      try {
        const result = await api.signIn()
        this.setData({ result, today: result.date })
        await this.load(result.date.slice(0, 7))
      } catch (err) {
        // the API module has shown the error
      } finally {
        this.signingNow = false
        this.setData({ signing: false })
      }
    },
    async makeup(e) {
      const date = e.currentTarget.dataset.date
      const cell = this.data.cells.find((c) => c.date === date)
      if (!cell || !cell.canMakeup || this.signingNow) return
      const cost = this.data.makeupCostPoints
      const confirmed = await confirm({
        title: '补签',
        content: cost === null || cost === undefined
          ? `补签 ${date} 会按补签规则扣除积分，本月还可补签 ${this.data.makeupLeft} 次。确定补签吗？`
          : `补签 ${date} 将消耗 ${cost} 积分，本月还可补签 ${this.data.makeupLeft} 次。确定补签吗？`
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

function localToday() {
  const d = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function confirm({ title, content }) {
  return new Promise((resolve) => {
    wx.showModal({ title, content, success: (res) => resolve(Boolean(res.confirm)), fail: () => resolve(false) })
  })
}
