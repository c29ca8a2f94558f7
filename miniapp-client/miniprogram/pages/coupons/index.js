const api = require('../../utils/api')
const { loadInto } = require('../../utils/load')
const { loadPage } = require('../../utils/pager')
const { formatDate, formatInstant } = require('../../utils/dates')
const { qrDataUrl } = require('../../utils/qr')
const newCoupons = require('../../utils/new-coupons')

const TABS = [
  { status: 'UNUSED', name: '未使用' },
  { status: 'USED', name: '已使用' },
  { status: 'EXPIRED', name: '已过期' },
  { status: 'REVOKED', name: '已撤回' }
]

function couponRow(c, visit) {
  return Object.assign({}, c, {
    isNew: Boolean(visit && visit.isNew(c)),
    validText: `${formatDate(c.validFrom)} 至 ${formatDate(c.validTo)}`,
    usedText: c.usedAt ? `${formatInstant(c.usedAt)} 已使用` : ''
  })
}

Component({
  data: { tabs: TABS, status: 'UNUSED', loading: true, error: '', items: [], total: 0, nextPage: 1, loadingMore: false, moreError: '', shown: null },
  methods: {
    onLoad() {
      // Whose coupons: what this visit shows is remembered as seen for that member (none known: nothing is marked).
      this.visitReady = newCoupons.currentMemberId().then(newCoupons.visit, () => null)
      return this.load()
    },
    async onReachBottom() {
      const visit = await this.visitReady
      await loadPage(this, this.fetcher(), { map: (c) => couponRow(c, visit), current: this.forStatus() })
      this.seen(visit)
    },
    load() {
      const current = this.forStatus()
      return loadInto(this, async () => {
        const visit = await this.visitReady
        await loadPage(this, this.fetcher(), { first: true, map: (c) => couponRow(c, visit), current })
        this.seen(visit)
        return {}
      }, { current })
    },
    // The coupons on screen are seen now: the badges that counted them go.
    seen(visit) {
      if (!visit) return
      visit.save()
      newCoupons.showBadge(0)
    },
    fetcher() {
      const status = this.data.status
      return (page, size) => api.coupons(status, page, size, { silent: true })
    },
    // Tabs switch faster than answers come back: an answer for a tab no longer selected must not land under another.
    forStatus() {
      const status = this.data.status
      return () => this.data.status === status
    },
    switchTab(e) {
      const status = e.currentTarget.dataset.status
      if (status === this.data.status) return
      this.setData({ status, items: [], total: 0, nextPage: 1, loadingMore: false, moreError: '', shown: null })
      return this.load()
    },
    async showCode(e) {
      const id = Number(e.currentTarget.dataset.id)
      try {
        const coupon = await api.coupon(id)
        this.setData({ shown: { name: coupon.name, code: coupon.code, qrSrc: qrDataUrl(coupon.qrPayload || coupon.code) } })
      } catch (err) {
        // the API module has shown the error
      }
    },
    hideCode() {
      this.setData({ shown: null })
    },
    retry() {
      return this.load()
    }
  }
})
