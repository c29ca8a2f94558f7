const { pageLoader, text } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('card')

const me = {
  id: 7, nickname: '小红', level: { code: 'SILVER', name: '银卡' },
  growth: { growth: 150, nextLevel: { name: '金卡', minGrowth: 600 }, growthToNext: 450 },
  points: { balance: 320 }, wallet: { balanceCents: 12345 }, coupons: { unused: 2 },
  signIn: { signedToday: false, streak: 3 }
}

describe('会员卡', () => {
  test('renders the member, level progress, balances and the member code as a QR image', async () => {
    const { page } = render({ routes: {
      'GET /api/app/me': ok(me),
      'GET /api/app/member-code': ok({ code: '000000000712345678', expiresAt: new Date(Date.now() + 50000).toISOString() })
    } })
    await page.instance.onLoad()
    await flush()
    expect(text(page, '.nickname')).toBe('小红')
    expect(text(page, '.level')).toBe('银卡')
    expect(text(page, '.progress-text')).toBe('再获得 450 成长值升级为「金卡」')
    expect(page.data.progress.percent).toBe(25)
    expect(text(page, '.points')).toBe('320')
    expect(text(page, '.wallet')).toBe('¥123.45')
    expect(text(page, '.member-code')).toBe('000000000712345678')
    expect(page.data.qrSrc).toMatch(/^data:image\/gif;base64,/)
    page.instance.onUnload()
  })

  test('asks every few seconds whether its code is still good and shows a fresh one once it is spent', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    try {
      const answers = ['000000000712345670', '000000000712345670', '000000000712345671']
      const { page, wx } = render({ routes: {
        'GET /api/app/me': ok(me),
        'GET /api/app/member-code': () => ok({ code: answers.shift(), expiresAt: new Date(Date.now() + 40000).toISOString() })
      } })
      await page.instance.onLoad()
      for (let i = 0; i < 5; i++) await Promise.resolve()
      const codeCalls = () => wx.calls.requests.filter((r) => r.path.startsWith('/api/app/member-code'))
      expect(codeCalls()).toHaveLength(1)
      const firstQr = page.data.qrSrc
      jest.advanceTimersByTime(5000)
      for (let i = 0; i < 5; i++) await Promise.resolve()
      expect(codeCalls()).toHaveLength(2)
      expect(codeCalls()[1].path).toContain('current=000000000712345670')
      expect(page.data.qrSrc).toBe(firstQr)
      jest.advanceTimersByTime(5000)
      for (let i = 0; i < 5; i++) await Promise.resolve()
      expect(codeCalls()).toHaveLength(3)
      expect(page.data.memberCode).toBe('000000000712345671')
      expect(page.data.qrSrc).not.toBe(firstQr)
      page.instance.onUnload()
    } finally {
      jest.useRealTimers()
    }
  })

  test('a code that arrives after the page hid schedules no refresh', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    try {
      let page
      const rendered = render({ routes: {
        'GET /api/app/me': ok(me),
        'GET /api/app/member-code': () => {
          page.instance.onHide()
          return ok({ code: '000000000712345678', expiresAt: new Date(Date.now() + 40000).toISOString() })
        }
      } })
      page = rendered.page
      await page.instance.onLoad()
      for (let i = 0; i < 5; i++) await Promise.resolve()
      expect(jest.getTimerCount()).toBe(0)
      jest.advanceTimersByTime(120000)
      for (let i = 0; i < 5; i++) await Promise.resolve()
      expect(rendered.wx.calls.requests.filter((r) => r.path.startsWith('/api/app/member-code'))).toHaveLength(1)
      page.instance.onUnload()
    } finally {
      jest.useRealTimers()
    }
  })

  test('showing the page again reloads the balances and the code; the first show after loading does not', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': [ok(me), ok(Object.assign({}, me, { points: { balance: 500 } }))],
      'GET /api/app/member-code': ok({ code: '000000000712345678', expiresAt: new Date(Date.now() + 50000).toISOString() })
    } })
    const meCalls = () => wx.calls.requests.filter((r) => r.path === '/api/app/me').length
    const codeCalls = () => wx.calls.requests.filter((r) => r.path.startsWith('/api/app/member-code')).length
    const loading = page.instance.onLoad()
    page.instance.onShow()
    await loading
    await flush()
    expect(meCalls()).toBe(1)
    expect(codeCalls()).toBe(1)
    page.instance.onHide()
    await page.instance.onShow()
    await flush()
    expect(meCalls()).toBe(2)
    expect(codeCalls()).toBe(2)
    expect(text(page, '.points')).toBe('500')
    expect(page.data.loading).toBe(false)
    page.instance.onUnload()
  })

  test('a failed reload on show keeps the card on screen', async () => {
    const { page } = render({ routes: {
      'GET /api/app/me': [ok(me), 'NETWORK'],
      'GET /api/app/member-code': ok({ code: '000000000712345678', expiresAt: new Date(Date.now() + 50000).toISOString() })
    } })
    await page.instance.onLoad()
    page.instance.onShow()
    page.instance.onHide()
    await page.instance.onShow()
    await flush()
    expect(text(page, '.nickname')).toBe('小红')
    expect(page.data.error).toBe('')
    page.instance.onUnload()
  })

  test('an error shows with a retry that loads again', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': [problem(503, 'WX_UNAVAILABLE', 'WeChat is unavailable'), ok(me)],
      'GET /api/app/member-code': ok({ code: '000000000712345678', expiresAt: new Date(Date.now() + 50000).toISOString() })
    } })
    await page.instance.onLoad()
    expect(text(page, '.error-text')).toBe('微信服务暂不可用，请稍后再试')
    page.querySelector('.retry').dispatchEvent('tap')
    await flush()
    await flush()
    expect(text(page, '.nickname')).toBe('小红')
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/me')).toHaveLength(2)
    page.instance.onUnload()
  })
})

describe('会员卡: sharing', () => {
  test('the card can be shared to a friend, who opens their own card: the member code is never in the share', () => {
    const { page } = render({ routes: {} })
    const share = page.instance.onShareAppMessage({ from: 'menu' })
    expect(share.path).toBe('/pages/card/index')
    expect(share.title).toBeTruthy()
    expect(JSON.stringify(share)).not.toMatch(/code/i)
  })
})
