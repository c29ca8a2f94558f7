// Coupons the member has not seen yet: operators grant coupons, and the member learns of them by a 新 mark on
// 我的券 and a count on the 我的 tab and on the 我的券 entry. The coupon list carries no creation time, so the
// phone remembers, per member, the ids of the unused coupons 我的券 has shown; an unused coupon not among them
// is new. Only unused coupons count: a coupon leaves UNUSED for good (used, expired or revoked) and never
// comes back, so the ids of coupons no longer unused can be forgotten.
const api = require('./api')

const SEEN_PREFIX = 'loyalty.seenCoupons.'
// The index of pages/me/index in app.json's tabBar list (the structure tests check it).
const ME_TAB_INDEX = 3
// GET /api/app/coupons answers at most 100 a page; a member holding more than this many unused coupons is
// counted on the first ones only.
const COUNT_PAGE_SIZE = 100
const COUNT_MAX_PAGES = 5

function seenKey(memberId) {
  return SEEN_PREFIX + memberId
}

function seenIds(memberId) {
  const ids = wx.getStorageSync(seenKey(memberId))
  return Array.isArray(ids) ? ids : []
}

function rememberSeen(memberId, ids) {
  const known = seenIds(memberId)
  const added = ids.filter((id) => !known.includes(id))
  if (added.length) wx.setStorageSync(seenKey(memberId), known.concat(added))
}

// Whose coupons these are: remembered at login; a token kept from before that asks the backend.
async function currentMemberId() {
  const id = wx.getStorageSync(api.MEMBER_KEY)
  if (id) return id
  const me = await api.me({ silent: true })
  if (me && me.id) wx.setStorageSync(api.MEMBER_KEY, me.id)
  return me.id
}

async function unusedCoupons() {
  let items = []
  for (let page = 1; page <= COUNT_MAX_PAGES; page += 1) {
    const res = await api.coupons('UNUSED', page, COUNT_PAGE_SIZE, { silent: true })
    items = items.concat(res.items)
    if (!res.items.length || items.length >= res.total) return { items, complete: true }
  }
  return { items, complete: false }
}

// How many of the member's unused coupons 我的券 has not shown yet.
async function countNew(memberId) {
  const { items, complete } = await unusedCoupons()
  const unused = new Set(items.map((c) => c.id))
  let seen = seenIds(memberId)
  if (complete) {
    const kept = seen.filter((id) => unused.has(id))
    if (kept.length !== seen.length) wx.setStorageSync(seenKey(memberId), kept)
    seen = kept
  }
  const known = new Set(seen)
  return items.filter((c) => !known.has(c.id)).length
}

// 我的券 during one visit: what was new when it opened keeps its 新 mark while the page is open, and every
// unused coupon it shows is remembered as seen.
function visit(memberId) {
  const seenAtOpen = new Set(seenIds(memberId))
  const shown = []
  return {
    isNew(coupon) {
      if (coupon.status !== 'UNUSED' || seenAtOpen.has(coupon.id)) return false
      shown.push(coupon.id)
      return true
    },
    save() {
      if (shown.length) rememberSeen(memberId, shown.splice(0))
    }
  }
}

// The count on the 我的 tab. WeChat refuses tab bar calls from some pages (not a tab page, no tab bar yet):
// the badge is then set the next time 我的 is shown.
function showBadge(count) {
  const ignore = () => {}
  if (count > 0) wx.setTabBarBadge({ index: ME_TAB_INDEX, text: count > 99 ? '99+' : String(count), fail: ignore })
  else wx.removeTabBarBadge({ index: ME_TAB_INDEX, fail: ignore })
}

module.exports = { countNew, visit, showBadge, currentMemberId, seenIds, seenKey, ME_TAB_INDEX }
