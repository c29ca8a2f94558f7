const { createSubscriptions } = require('../../miniprogram/utils/subscriptions')
const { createApi } = require('../../miniprogram/utils/api')
const { createWx, ok, problem } = require('./wx-stub')

const templates = (over = {}) => Object.assign(
  { signInReminder: 'tpl-remind', pointsChanged: 'tpl-points', walletChanged: 'tpl-wallet', couponChanged: 'tpl-coupon', levelChanged: 'tpl-level' },
  over)

function setup(routes) {
  const wx = createWx({ routes: Object.assign({ 'POST /api/app/subscriptions': (req) => ok({ templateId: req.data.templateId, grantsLeft: 1 }) }, routes), storage: { 'loyalty.token': 't-1' } })
  const api = createApi({ wx, baseUrl: 'http://backend.test' })
  return { wx, subs: createSubscriptions({ api, host: () => wx }) }
}

const granted = (wx) => wx.calls.requests.filter((r) => r.method === 'POST' && r.path === '/api/app/subscriptions').map((r) => r.data.templateId)

describe('subscription prompts', () => {
  test('after a sign-in: the reminder, points and level templates, each accepted one reported once', async () => {
    const { wx, subs } = setup({ 'GET /api/app/subscription-templates': ok(templates()) })
    wx.answerModal(true)
    wx.subscribeAnswer = { 'tpl-remind': 'accept', 'tpl-points': 'reject', 'tpl-level': 'accept' }
    await expect(subs.offer('signIn', '…')).resolves.toEqual(['tpl-remind', 'tpl-level'])
    expect(wx.calls.subscribePrompts).toEqual([['tpl-remind', 'tpl-points', 'tpl-level']])
    expect(granted(wx)).toEqual(['tpl-remind', 'tpl-level'])
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['已开启消息提醒'])
  })

  test('after a redemption: coupon, points and wallet templates', async () => {
    const { wx, subs } = setup({ 'GET /api/app/subscription-templates': ok(templates()) })
    wx.answerModal(true)
    wx.subscribeAnswer = { 'tpl-coupon': 'accept', 'tpl-points': 'accept', 'tpl-wallet': 'ban' }
    await subs.offer('redeem', '…')
    expect(wx.calls.subscribePrompts).toEqual([['tpl-coupon', 'tpl-points', 'tpl-wallet']])
    expect(granted(wx)).toEqual(['tpl-coupon', 'tpl-points'])
  })

  test('templates not configured are skipped; none at all asks nothing', async () => {
    const { wx, subs } = setup({ 'GET /api/app/subscription-templates': [
      ok(templates({ signInReminder: '', levelChanged: '  ' })),
      ok(templates({ signInReminder: '', pointsChanged: '', levelChanged: '' }))
    ] })
    wx.answerModal(true)
    await subs.offer('signIn', '…')
    expect(wx.calls.subscribePrompts).toEqual([['tpl-points']])
    subs.forget()
    await expect(subs.offer('signIn', '…')).resolves.toEqual([])
    expect(wx.calls.modals).toHaveLength(1)
    expect(wx.calls.subscribePrompts).toHaveLength(1)
  })

  test('never more than three ids, and one template id used for two kinds is asked once', () => {
    const { subs } = setup({})
    expect(subs.idsFor({ a: 'x', b: 'x', c: 'y', d: 'z', e: 'w' }, ['a', 'b', 'c', 'd', 'e'])).toEqual(['x', 'y', 'z'])
    expect(subs.MAX_PER_PROMPT).toBe(3)
  })

  test('declining the modal asks WeChat nothing and reports nothing', async () => {
    const { wx, subs } = setup({ 'GET /api/app/subscription-templates': ok(templates()) })
    wx.answerModal(false)
    await expect(subs.offer('signIn', '…')).resolves.toEqual([])
    expect(wx.calls.subscribePrompts).toEqual([])
    expect(granted(wx)).toEqual([])
  })

  test('the templates are read once and kept; a failed read is tried again later, silently', async () => {
    const { wx, subs } = setup({ 'GET /api/app/subscription-templates': [problem(503, 'SERVICE_UNAVAILABLE', 'x'), ok(templates())] })
    await expect(subs.load()).resolves.toEqual({})
    await subs.load()
    await subs.load()
    expect(wx.calls.requests.filter((r) => r.path === '/api/app/subscription-templates')).toHaveLength(2)
    expect(wx.calls.toasts).toEqual([])
  })

  test('a grant the backend refuses is left out without a toast', async () => {
    const { wx, subs } = setup({
      'GET /api/app/subscription-templates': ok(templates()),
      'POST /api/app/subscriptions': (req) => (req.data.templateId === 'tpl-points' ? problem(400, 'VALIDATION_FAILED', 'unknown') : ok({ templateId: req.data.templateId, grantsLeft: 1 }))
    })
    wx.answerModal(true)
    wx.subscribeAnswer = { 'tpl-remind': 'accept', 'tpl-points': 'accept' }
    await expect(subs.offer('signIn', '…')).resolves.toEqual(['tpl-remind'])
    expect(wx.calls.toasts.map((t) => t.title)).toEqual(['已开启消息提醒'])
  })
})
