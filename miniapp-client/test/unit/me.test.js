const fs = require('fs')
const path = require('path')
const { pageLoader, text, ROOT } = require('./render-page')
const { ok, problem, flush } = require('./wx-stub')

const render = pageLoader('me')

const me = (over = {}) => Object.assign({
  id: 7, nickname: '小红', avatarUrl: null, birthday: null, phoneMasked: null, level: { code: 'SILVER', name: '银卡' },
  points: { balance: 320 }, wallet: { balanceCents: 990 }, coupons: { unused: 2 }, signIn: { signedToday: true, streak: 3 }, staff: null
}, over)

describe('我的', () => {
  test('renders the profile and balances; a member sees no staff entry', async () => {
    const { page } = render({ routes: { 'GET /api/app/me': ok(me()) } })
    await page.instance.onLoad()
    expect(text(page, '.nickname')).toBe('小红')
    expect(text(page, '.wallet')).toBe('¥9.90')
    expect(text(page, '.coupons')).toBe('2')
    expect(page.querySelector('.bind-phone')).toBeTruthy()
    expect(page.querySelector('.staff-entry')).toBeFalsy()
  })

  test('staff see 店员工作台', async () => {
    const { page } = render({ routes: { 'GET /api/app/me': ok(me({ staff: { storeId: 1, storeName: '一号店' } })) } })
    await page.instance.onLoad()
    expect(text(page, '.staff-entry')).toBe('店员工作台 ›')
  })

  test('saving the nickname patches it', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'PATCH /api/app/me': ok(me({ nickname: '小明' }))
    } })
    await page.instance.onLoad()
    page.instance.onNicknameInput({ detail: { value: ' 小明 ' } })
    await page.instance.saveNickname()
    expect(wx.lastRequest('PATCH', '/api/app/me').data).toEqual({ nickname: '小明' })
    expect(text(page, '.nickname')).toBe('小明')
  })

  test('the birthday is confirmed, then set once', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'PATCH /api/app/me': ok(me({ birthday: '1990-05-20' }))
    } })
    await page.instance.onLoad()
    wx.answerModal(true)
    await page.instance.onBirthdayChange({ detail: { value: '1990-05-20' } })
    expect(wx.calls.modals[0].content).toContain('设置后不能修改')
    expect(wx.lastRequest('PATCH', '/api/app/me').data).toEqual({ birthday: '1990-05-20' })
    expect(text(page, '.birthday')).toBe('1990-05-20')
  })

  test('the birthday picker ends today, as the phone counts it', async () => {
    jest.useFakeTimers({ now: new Date(2025, 2, 15, 23, 30, 0), doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] })
    try {
      const { page } = render({ routes: { 'GET /api/app/me': ok(me()) } })
      await page.instance.onLoad()
      expect(page.data.birthdayEnd).toBe('2025-03-15')
      // the picker's attributes do not reach the simulated DOM, so its binding is read from the template
      const wxml = fs.readFileSync(path.join(ROOT, 'pages/me/index.wxml'), 'utf8')
      expect(wxml).toMatch(/<picker[^>]*mode="date"[^>]*end="\{\{birthdayEnd\}\}"/)
    } finally {
      jest.useRealTimers()
    }
  })

  test('showing the page again reloads it; the first show right after loading does not', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/me': [ok(me()), ok(me({ points: { balance: 400 }, coupons: { unused: 1 } }))] } })
    const loading = page.instance.onLoad()
    page.instance.onShow()
    await loading
    await flush()
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/me')).toHaveLength(1)
    await page.instance.onShow()
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/me')).toHaveLength(2)
    expect(text(page, '.points')).toBe('400')
    expect(text(page, '.coupons')).toBe('1')
  })

  test('a nickname being typed survives the reload when the page is shown again', async () => {
    const { page } = render({ routes: { 'GET /api/app/me': [ok(me()), ok(me({ points: { balance: 400 } }))] } })
    await page.instance.onLoad()
    page.instance.onShow()
    page.instance.onNicknameInput({ detail: { value: '小红花' } })
    await page.instance.onShow()
    expect(text(page, '.points')).toBe('400')
    expect(page.data.nicknameDraft).toBe('小红花')
  })

  test('the getPhoneNumber code binds the phone; a refusal says why in Chinese', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'PUT /api/app/me/phone': [ok({ phoneMasked: '138****1234' }), problem(503, 'WX_UNAVAILABLE', 'WeChat is unavailable')]
    } })
    await page.instance.onLoad()
    await page.instance.onGetPhoneNumber({ detail: { code: 'phone-code-1' } })
    expect(wx.lastRequest('PUT', '/api/app/me/phone').data).toEqual({ code: 'phone-code-1' })
    expect(text(page, '.phone')).toBe('138****1234')
    await page.instance.onGetPhoneNumber({ detail: { code: 'phone-code-2' } })
    expect(wx.calls.toasts.map((t) => t.title)).toContain('微信服务暂不可用，请稍后再试')
  })

  test('a load error shows with a retry', async () => {
    const { page } = render({ routes: { 'GET /api/app/me': problem(500, 'INTERNAL', '服务暂时不可用') } })
    await page.instance.onLoad()
    expect(text(page, '.error-text')).toBe('服务暂时不可用')
  })
})
