const api = require('../../utils/api')
const { loadInto } = require('../../utils/load')
const { loadPage } = require('../../utils/pager')
const { formatInstant } = require('../../utils/dates')

const TYPE_NAMES = { EARN: '获得', SPEND: '使用', EXPIRE: '过期', REVERSE: '冲正', ADJUST: '调整' }

function ledgerRow(row) {
  return Object.assign({}, row, {
    typeName: TYPE_NAMES[row.type] || row.type,
    deltaText: row.delta > 0 ? `+${row.delta}` : String(row.delta),
    time: formatInstant(row.createdAt)
  })
}

Component({
  data: { loading: true, error: '', summary: null, items: [], total: 0, nextPage: 1, loadingMore: false, moreError: '' },
  methods: {
    onLoad() {
      return this.load()
    },
    onReachBottom() {
      return loadPage(this, (page, size) => api.pointsLedger(page, size, { silent: true }), { map: ledgerRow })
    },
    load() {
      return loadInto(this, async () => {
        const summary = await api.points({ silent: true })
        await loadPage(this, (page, size) => api.pointsLedger(page, size, { silent: true }), { first: true, map: ledgerRow })
        return { summary }
      })
    },
    retry() {
      return this.load()
    }
  }
})
