const { pageLoader, text } = require('./render-page')
const { ok } = require('./wx-stub')

const render = pageLoader('leaderboard')

describe('排行榜', () => {
  test('renders the streak board and my rank', async () => {
    const { page, wx } = render({ routes: { 'GET /api/app/leaderboard?type=streak': ok({
      items: [{ rank: 1, memberId: 3, nickname: '阿强', value: 30 }, { rank: 2, memberId: 7, nickname: null, value: 12 }],
      me: { rank: 2, value: 12 }
    }) } })
    await page.instance.onLoad()
    expect(wx.calls.requests[0].path).toBe('/api/app/leaderboard?type=streak')
    expect(page.querySelectorAll('.board-row')).toHaveLength(2)
    expect(page.querySelectorAll('.board-row')[1].dom.textContent).toContain('2. 微信用户')
    expect(text(page, '.my-rank-text')).toBe('第 2 名')
  })

  test('off the board it says 未上榜', async () => {
    const { page } = render({ routes: { 'GET /api/app/leaderboard': ok({ items: [], me: { rank: null, value: 0 } }) } })
    await page.instance.onLoad()
    expect(text(page, '.my-rank-text')).toBe('未上榜')
    expect(text(page, '.empty')).toBe('今天还没有人上榜，去签到吧')
  })
})
