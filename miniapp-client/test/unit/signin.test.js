const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('signin')

// The phone's clock reads 15 March 2025; makeups may fill 12 to 14 March, so the 1st is missed but too old.
beforeAll(() => {
  jest.useFakeTimers({ now: new Date(2025, 2, 15, 10, 0, 0), doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] })
})
afterAll(() => jest.useRealTimers())

const today = () => '2025-03-15'

// March 2025 with nothing signed before today, and today either signed or not.
function calendar({ signedToday, makeupFrom = '2025-03-12', makeupLeft = 2 }) {
  const t = today()
  const month = t.slice(0, 7)
  const last = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate()
  const days = []
  for (let d = 1; d <= last; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`
    const signed = date === t ? signedToday : false
    days.push({ date, signedIn: signed, makeup: false, points: signed ? 10 : 0 })
  }
  return {
    month, days, streak: signedToday ? 1 : 0, signedToday, makeupLeft, makeupCostPoints: 20, makeupFrom,
    nextReward: { streakDay: signedToday ? 2 : 1, points: signedToday ? 12 : 10 }
  }
}

describe('签到', () => {
  test('renders the month, streak and today\'s reward from the calendar', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/sign-ins/calendar': ok(calendar({ signedToday: false })) } })
    await page.instance.onLoad()
    expect(wx.calls.requests[0].path).toBe('/api/app/sign-ins/calendar')
    expect(text(page, '.month')).toBe(today().slice(0, 7))
    expect(text(page, '.streak')).toBe('0 天')
    expect(text(page, '.next-reward')).toBe('今天签到是连续第 1 天，可得 10 积分')
    expect(text(page, '.sign-in')).toBe('签到')
    expect(page.querySelectorAll('.today')).toHaveLength(1)
    expect(page.data.cells.filter((c) => c.canMakeup).map((c) => c.date)).toEqual(['2025-03-12', '2025-03-13', '2025-03-14'])
    expect(page.querySelectorAll('.missed')).toHaveLength(3)
  })

  test('no day is offered for makeup when makeups are off or none are left', async () => {
    const { page } = render({ routes: { 'GET /api/app/sign-ins/calendar': [
      ok(calendar({ signedToday: true, makeupFrom: null })),
      ok(calendar({ signedToday: true, makeupLeft: 0 }))
    ] } })
    await page.instance.onLoad()
    expect(page.querySelectorAll('.missed')).toHaveLength(0)
    await page.instance.retry()
    expect(page.querySelectorAll('.missed')).toHaveLength(0)
  })

  test('a day before makeupFrom asks nothing and posts nothing', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/sign-ins/calendar': ok(calendar({ signedToday: true })) } })
    await page.instance.onLoad()
    await page.instance.makeup({ currentTarget: { dataset: { date: '2025-03-11' } } })
    expect(wx.calls.modals).toEqual([])
    expect(wx.lastRequest('POST', '/api/app/sign-ins/makeup')).toBeUndefined()
  })

  test('signing in posts once however fast it is tapped, then shows the result and the next reward', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/sign-ins/calendar': [ok(calendar({ signedToday: false })), ok(calendar({ signedToday: true }))],
      'POST /api/app/sign-ins': ok({ date: today(), streak: 1, points: 10, bonusPoints: 0, alreadySignedIn: false })
    } })
    await page.instance.onLoad()
    const button = page.querySelector('.sign-in')
    button.dispatchEvent('tap')
    button.dispatchEvent('tap')
    button.dispatchEvent('tap')
    await flush()
    await flush()
    expect(wx.calls.requests.filter((r) => r.method === 'POST' && r.path === '/api/app/sign-ins')).toHaveLength(1)
    expect(text(page, '.result')).toBe('签到成功 +10 积分，已连续 1 天')
    expect(text(page, '.sign-in')).toBe('今日已签到')
    expect(text(page, '.today-reward')).toBe('今日已获得 10 积分')
    expect(text(page, '.next-reward')).toBe('明天签到是连续第 2 天，可得 12 积分')
  })

  test('a makeup of a missed day is confirmed first, then posts that date', async () => {
    const missed = '2025-03-14'
    const { page, wx } = render({ routes: {
      'GET /api/app/sign-ins/calendar': ok(calendar({ signedToday: true })),
      'POST /api/app/sign-ins/makeup': ok({ date: missed, streak: 1, points: 10, bonusPoints: 0, alreadySignedIn: false })
    } })
    await page.instance.onLoad()
    wx.answerModal(false)
    page.instance.makeup({ currentTarget: { dataset: { date: missed } } })
    await flush()
    expect(wx.calls.modals[0].content).toBe(`补签 ${missed} 将消耗 20 积分，本月还可补签 2 次。确定补签吗？`)
    expect(wx.lastRequest('POST', '/api/app/sign-ins/makeup')).toBeUndefined()
    wx.answerModal(true)
    await page.instance.makeup({ currentTarget: { dataset: { date: missed } } })
    expect(wx.lastRequest('POST', '/api/app/sign-ins/makeup').data).toEqual({ date: missed })
  })

  test('a refused makeup says why in Chinese', async () => {
    const missed = '2025-03-13'
    const { page, wx } = render({ routes: {
      'GET /api/app/sign-ins/calendar': ok(calendar({ signedToday: true })),
      'POST /api/app/sign-ins/makeup': problem(409, 'MAKEUP_NOT_ALLOWED', 'Makeup is not allowed for this date')
    } })
    await page.instance.onLoad()
    wx.answerModal(true)
    await page.instance.makeup({ currentTarget: { dataset: { date: missed } } })
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['这一天不能补签'])
  })

  test('showing the page again reloads the month shown; the first show right after loading does not', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/sign-ins/calendar': [ok(calendar({ signedToday: false })), ok(calendar({ signedToday: true }))] } })
    const loading = page.instance.onLoad()
    page.instance.onShow()
    await loading
    await flush()
    expect(wx.calls.requests.filter((r) => r.path.startsWith('/api/app/sign-ins/calendar'))).toHaveLength(1)
    await page.instance.onShow()
    expect(wx.lastRequest('GET', '/api/app/sign-ins/calendar').path).toBe('/api/app/sign-ins/calendar?month=2025-03')
    expect(text(page, '.sign-in')).toBe('今日已签到')
  })

  test('today is read on every load, so the page is right after midnight', async () => {
    const { page } = render({ routes: { 'GET /api/app/sign-ins/calendar': ok(calendar({ signedToday: false })) } })
    await page.instance.onLoad()
    expect(page.data.today).toBe('2025-03-15')
    jest.setSystemTime(new Date(2025, 2, 16, 0, 5, 0))
    try {
      await page.instance.retry()
      expect(page.data.today).toBe('2025-03-16')
      expect(page.data.cells.find((c) => c.today).date).toBe('2025-03-16')
      expect(page.data.cells.find((c) => c.date === '2025-03-15').canMakeup).toBe(true)
    } finally {
      jest.setSystemTime(new Date(2025, 2, 15, 10, 0, 0))
    }
  })

  test('a failed load shows the error with a retry', async () => {
    const { page } = render({ routes: { 'GET /api/app/sign-ins/calendar': 'NETWORK' } })
    await page.instance.onLoad()
    expect(text(page, '.error-text')).toBe('网络连接失败，请检查网络后重试')
    expect(page.querySelector('.retry')).toBeTruthy()
  })
})

describe('签到: the subscription prompt', () => {
  const subscriptions = require('../../miniprogram/utils/subscriptions')
  beforeEach(() => subscriptions.forget())

  const routes = (over = {}) => Object.assign({
    'GET /api/app/sign-ins/calendar': [ok(calendar({ signedToday: false })), ok(calendar({ signedToday: true }))],
    'POST /api/app/sign-ins': ok({ date: today(), streak: 1, points: 10, bonusPoints: 0, alreadySignedIn: false }),
    'GET /api/app/subscription-templates': ok({ signInReminder: 'tpl-remind', pointsChanged: 'tpl-points', walletChanged: 'tpl-wallet', couponChanged: '', levelChanged: '' }),
    'POST /api/app/subscriptions': (req) => ok({ templateId: req.data.templateId, grantsLeft: 1 })
  }, over)

  test('a sign-in offers the reminder and points templates; each accepted one is reported', async () => {
    const { page, wx } = render({ routes: routes() })
    await page.instance.onLoad()
    wx.answerModal(true)
    wx.subscribeAnswer = { 'tpl-remind': 'accept', 'tpl-points': 'accept' }
    await page.instance.signIn()
    expect(wx.calls.subscribePrompts).toEqual([['tpl-remind', 'tpl-points']])
    const grants = wx.calls.requests.filter((r) => r.method === 'POST' && r.path === '/api/app/subscriptions')
    expect(grants.map((r) => r.data)).toEqual([{ templateId: 'tpl-remind' }, { templateId: 'tpl-points' }])
  })

  test('a failed sign-in, or one already made today, offers nothing', async () => {
    for (const answer of [problem(503, 'SERVICE_UNAVAILABLE', 'down'), ok({ date: today(), streak: 1, points: 10, bonusPoints: 0, alreadySignedIn: true })]) {
      const { page, wx } = render({ routes: routes({ 'POST /api/app/sign-ins': answer }) })
      await page.instance.onLoad()
      wx.answerModal(true)
      await page.instance.signIn()
      expect(wx.calls.subscribePrompts).toEqual([])
      expect(wx.calls.modals).toEqual([])
    }
  })
})
