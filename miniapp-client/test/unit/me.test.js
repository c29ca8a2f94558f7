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

describe('我的: avatar, nickname and the official account', () => {
  test('the avatar is a chooseAvatar button; the chosen file is uploaded and the answer shown from the backend host', async () => {
    const wxml = fs.readFileSync(path.join(ROOT, 'pages/me/index.wxml'), 'utf8')
    expect(wxml).toMatch(/<button[^>]*open-type="chooseAvatar"[^>]*bindchooseavatar="onChooseAvatar"/)
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'POST /api/app/me/avatar': ok(me({ avatarUrl: '/media/avatars/0123456789abcdef0123456789abcdef.png' }))
    } })
    await page.instance.onLoad()
    expect(page.querySelector('.avatar-empty')).toBeTruthy()
    await page.instance.onChooseAvatar({ detail: { avatarUrl: 'http://tmp/wx-avatar.jpeg' } })
    expect(wx.calls.uploads[0]).toMatchObject({ path: '/api/app/me/avatar', filePath: 'http://tmp/wx-avatar.jpeg', name: 'file' })
    expect(wx.calls.uploads[0].header.Authorization).toBe('Bearer t-1')
    expect(page.data.me.avatarSrc).toBe('http://127.0.0.1:8080/media/avatars/0123456789abcdef0123456789abcdef.png')
    expect(page.querySelector('.avatar-empty')).toBeFalsy()
    expect(wx.calls.toasts.map((t) => t.title)).toContain('头像已更新')
  })

  test('an avatar from elsewhere (an https URL) is shown as it is', async () => {
    const { page } = render({ routes: { 'GET /api/app/me': ok(me({ avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/x/132' })) } })
    await page.instance.onLoad()
    expect(page.data.me.avatarSrc).toBe('https://thirdwx.qlogo.cn/mmopen/x/132')
  })

  test('a refused avatar says what to pick instead', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'POST /api/app/me/avatar': [problem(413, 'PAYLOAD_TOO_LARGE', 'too large'), problem(400, 'VALIDATION_FAILED', 'not an image')]
    } })
    await page.instance.onLoad()
    await page.instance.onChooseAvatar({ detail: { avatarUrl: 'http://tmp/big.png' } })
    await page.instance.onChooseAvatar({ detail: { avatarUrl: 'http://tmp/a.heic' } })
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['头像图片不能超过 2MB', '请选择 PNG、JPG、GIF 或 WebP 格式的图片'])
    expect(page.data.me.avatarSrc).toBe('')
  })

  test('the nickname is an input of type nickname, saved on blur and on confirm, once per change', async () => {
    const wxml = fs.readFileSync(path.join(ROOT, 'pages/me/index.wxml'), 'utf8')
    expect(wxml).toMatch(/<input[^>]*type="nickname"[^>]*bindblur="saveNickname"[^>]*bindconfirm="saveNickname"/)
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'PATCH /api/app/me': (req) => ok(me({ nickname: req.data.nickname }))
    } })
    await page.instance.onLoad()
    // picking the WeChat nickname fills the field without an input event: blur carries the value
    await page.instance.saveNickname({ detail: { value: '微信昵称' } })
    await page.instance.saveNickname({ detail: { value: '微信昵称' } })
    const patches = wx.calls.requests.filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => r.data)).toEqual([{ nickname: '微信昵称' }])
    expect(text(page, '.nickname')).toBe('微信昵称')
    await page.instance.saveNickname({ detail: { value: '   ' } })
    expect(wx.calls.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })

  test('a nickname WeChat refuses in review goes back to the saved one', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/me': ok(me()) } })
    await page.instance.onLoad()
    page.instance.onNicknameInput({ detail: { value: '坏名字' } })
    page.instance.onNicknameReview({ detail: { pass: false, timeout: false } })
    expect(page.data.nicknameDraft).toBe('小红')
    expect(wx.calls.toasts[0].title).toContain('昵称未通过')
  })

  test('关注公众号 shows while the account is not linked; a tap shows WeChat\'s QR image of the ticket', async () => {
    const { page, wx } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'GET /api/app/official-account': ok({ linked: false }),
      'POST /api/app/official-account/bind-qrcode': ok({ ticket: 'gQH47zoAAAAA+/=', url: 'http://weixin.qq.com/q/02abc', expiresAt: '2030-01-01T00:10:00Z' })
    } })
    await page.instance.onLoad()
    await flush()
    await flush()
    expect(text(page, '.follow-title')).toBe('关注公众号，余额变动及时提醒')
    page.querySelector('.follow-offer').dispatchEvent('tap')
    await flush()
    await flush()
    expect(wx.lastRequest('POST', '/api/app/official-account/bind-qrcode')).toBeTruthy()
    expect(page.data.followQr.src).toBe('https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=gQH47zoAAAAA%2B%2F%3D')
    expect(page.querySelector('.follow-qr-image')).toBeTruthy()
    expect(text(page, '.follow-hint')).toContain('微信扫一扫')
  })

  test('a linked account, or an answer that cannot be read, shows no card', async () => {
    for (const answer of [ok({ linked: true }), problem(404, 'NOT_FOUND', 'no such endpoint yet')]) {
      const { page, wx } = render({ routes: { 'GET /api/app/me': ok(me()), 'GET /api/app/official-account': answer } })
      await page.instance.onLoad()
      await flush()
      await flush()
      expect(page.querySelector('.follow-card')).toBeFalsy()
      expect(wx.calls.toasts).toEqual([])
    }
  })

  test('「我已关注」 asks again and the card goes once the account is linked', async () => {
    const { page } = render({ routes: {
      'GET /api/app/me': ok(me()),
      'GET /api/app/official-account': [ok({ linked: false }), ok({ linked: true })],
      'POST /api/app/official-account/bind-qrcode': ok({ ticket: 't', url: 'u', expiresAt: '2030-01-01T00:10:00Z' })
    } })
    await page.instance.onLoad()
    await flush()
    await page.instance.showFollowQr()
    await page.instance.closeFollowQr()
    expect(page.querySelector('.follow-card')).toBeFalsy()
  })
})
