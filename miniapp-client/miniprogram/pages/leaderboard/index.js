const api = require('../../utils/api')
const { loadInto } = require('../../utils/load')

Component({
  data: { loading: true, error: '', items: [], me: null },
  methods: {
    onLoad() {
      return this.load()
    },
    onPullDownRefresh() {
      return this.load().then(() => wx.stopPullDownRefresh())
    },
    load() {
      return loadInto(this, async () => {
        const board = await api.leaderboard('streak', { silent: true })
        return {
          items: board.items.map((e) => Object.assign({}, e, { nickname: e.nickname || '微信用户' })),
          me: { rankText: board.me.rank ? `第 ${board.me.rank} 名` : '未上榜', value: board.me.value }
        }
      })
    },
    retry() {
      return this.load()
    }
  }
})
