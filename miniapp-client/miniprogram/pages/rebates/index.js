const api = require('../../utils/api')
const { loadInto } = require('../../utils/load')
const { formatCents } = require('../../utils/money')

const STATUS_NAMES = { PENDING: '待审核', CREDITED: '已发放', APPROVED: '已发放' }
const CREDIT_NAMES = { WALLET: '储值', POINTS: '积分' }

Component({
  data: { loading: true, error: '', period: '', spentText: '', rate: 0, nextTier: null, history: [] },
  methods: {
    onLoad() {
      return this.load()
    },
    load() {
      return loadInto(this, async () => {
        const r = await api.rebates({ silent: true })
        return {
          period: r.period,
          spentText: formatCents(r.spentCents),
          rate: r.rate,
          nextTier: r.nextTier
            ? {
                thresholdText: formatCents(r.nextTier.thresholdCents),
                rate: r.nextTier.rate,
                toGoText: r.nextTier.centsToGo === undefined ? '' : formatCents(r.nextTier.centsToGo)
              }
            : null,
          history: (r.history || []).map((h) => ({
            period: h.period,
            spentText: formatCents(h.spentCents),
            rebateText: formatCents(h.rebateCents),
            statusName: STATUS_NAMES[h.status] || h.status,
            creditName: CREDIT_NAMES[h.creditedAs] || ''
          }))
        }
      })
    },
    retry() {
      return this.load()
    }
  }
})
