// Drives the Mini Program's own API module against the real backend (sandbox WeChat login), through the
// flows the pages use, and fails when a field a page reads is missing from an answer.
const { client: backendClient, expectFields, createAdmin } = require('./backend')

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

const client = (role) => backendClient(`ct-${RUN}`, role)
const admin = createAdmin()

const member = client('member')
const staff = client('staff')
const state = {}

describe('the Mini Program against the backend', () => {
  beforeAll(async () => {
    await admin.login()
  })

  test('login keeps a token and answers the member', async () => {
    const login = await member.api.login()
    expectFields(login, ['token', 'expiresAt', 'created', 'member.id', 'member.nickname', 'member.level.name'])
    expect(login.created).toBe(true)
    expect(member.api.token()).toBe(login.token)
    expect(member.wx.getStorageSync('loyalty.memberId')).toBe(login.member.id)
    state.memberId = login.member.id
  })

  test('会员卡 and 我的 read the member with balances, level progress and sign-in status', async () => {
    const me = await member.api.me()
    expectFields(me, ['id', 'nickname', 'birthday', 'phoneMasked', 'level.name', 'growth.growth', 'growth.nextLevel',
      'growth.growthToNext', 'points.balance', 'wallet.balanceCents', 'coupons.unused', 'signIn.signedToday', 'signIn.streak'])
    if (me.growth.nextLevel) expectFields(me.growth.nextLevel, ['name', 'minGrowth'])
    expect(me.id).toBe(state.memberId)
  })

  test('the member code is a short-lived string with its expiry', async () => {
    const code = await member.api.memberCode()
    expectFields(code, ['code', 'expiresAt'])
    expect(new Date(code.expiresAt).getTime()).toBeGreaterThan(Date.now() - 5000)
  })

  test('签到 signs in once a day; the second tap answers the first result', async () => {
    const first = await member.api.signIn()
    expectFields(first, ['date', 'streak', 'points', 'bonusPoints', 'alreadySignedIn'])
    expect(first.alreadySignedIn).toBe(false)
    expect(first.streak).toBe(1)
    const again = await member.api.signIn()
    expect(again).toMatchObject({ date: first.date, points: first.points, alreadySignedIn: true })
    state.signIn = first
  })

  test('the calendar shows the signed day, the streak and the next reward', async () => {
    const month = state.signIn.date.slice(0, 7)
    const cal = await member.api.calendar(month)
    expectFields(cal, ['month', 'days', 'streak', 'signedToday', 'makeupLeft', 'nextReward.streakDay', 'nextReward.points', 'makeupCostPoints', 'makeupFrom'])
    expect(cal.month).toBe(month)
    expect(Number.isInteger(cal.makeupCostPoints)).toBe(true)
    if (cal.makeupFrom !== null) {
      expect(cal.makeupFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(cal.makeupFrom <= state.signIn.date).toBe(true)
    }
    cal.days.forEach((d) => expectFields(d, ['date', 'signedIn', 'makeup', 'points']))
    const today = cal.days.find((d) => d.date === state.signIn.date)
    expect(today).toMatchObject({ signedIn: true, makeup: false, points: state.signIn.points })
    expect(cal.signedToday).toBe(true)
    expect(cal.nextReward.streakDay).toBe(2)
  })

  test('积分 shows the balance, what expires, and the ledger with the sign-in', async () => {
    const summary = await member.api.points()
    expectFields(summary, ['balance', 'totalEarned', 'totalSpent', 'totalExpired', 'expiring'])
    expect(summary.balance).toBe(state.signIn.points)
    const ledger = await member.api.pointsLedger(1, 20)
    expectFields(ledger, ['items', 'page', 'size', 'total'])
    expect(ledger.total).toBeGreaterThanOrEqual(1)
    ledger.items.forEach((row) => expectFields(row, ['id', 'delta', 'balanceAfter', 'type', 'source', 'remark', 'createdAt']))
    expect(ledger.items[0]).toMatchObject({ type: 'EARN', delta: state.signIn.points })
  })

  test('商城: an operator-created coupon is redeemed once per action, with the new balance', async () => {
    await admin('POST', `/api/admin/members/${state.memberId}/points-adjustments`, { delta: 500, reason: 'contract suite' })
    const template = await admin('POST', '/api/admin/coupon-templates', {
      name: `满50减10-${RUN}`, type: 'CASH', thresholdCents: 5000, discountCents: 1000, pointsPrice: 100,
      totalStock: 10, perMemberLimit: 1, validDays: 30, enabled: true
    })
    const items = await member.api.mallItems()
    const item = items.find((i) => i.templateId === template.id)
    expectFields(item, ['templateId', 'name', 'type', 'pointsPrice', 'stockLeft', 'perMemberLimit', 'redeemedByMe',
      'validDays', 'validFrom', 'validTo'])
    expect(item).toMatchObject({ pointsPrice: 100, stockLeft: 10, perMemberLimit: 1, redeemedByMe: 0 })

    const before = (await member.api.points()).balance
    const key = `ct-${RUN}-redeem`
    const result = await member.api.redeem(template.id, key)
    expectFields(result, ['coupon.id', 'coupon.code', 'coupon.status', 'coupon.validFrom', 'coupon.validTo', 'pointsBalance'])
    expect(result.pointsBalance).toBe(before - 100)
    const replay = await member.api.redeem(template.id, key)
    expect(replay.coupon.id).toBe(result.coupon.id)
    expect(replay.pointsBalance).toBe(result.pointsBalance)

    await expect(member.api.redeem(template.id, `ct-${RUN}-redeem-2`)).rejects.toMatchObject({ code: 'REDEEM_LIMIT_REACHED' })
    expect(member.wx.toasts[member.wx.toasts.length - 1]).toBeTruthy()
    state.coupon = result.coupon
  })

  test('我的券 lists the coupon by status, and its detail carries the QR payload', async () => {
    const list = await member.api.coupons('UNUSED', 1, 20)
    expectFields(list, ['items', 'total'])
    const row = list.items.find((c) => c.id === state.coupon.id)
    expectFields(row, ['id', 'templateId', 'name', 'type', 'code', 'status', 'validFrom', 'validTo', 'usedAt', 'storeId'])
    const detail = await member.api.coupon(state.coupon.id)
    expectFields(detail, ['id', 'name', 'code', 'status', 'validTo', 'qrPayload'])
    expect(detail.qrPayload).toBeTruthy()
    state.qrPayload = detail.qrPayload
  })

  test('the new-coupon count reads the unused coupons 100 a page', async () => {
    const list = await member.api.coupons('UNUSED', 1, 100)
    expectFields(list, ['items', 'total'])
    expect(list.items.map((c) => c.id)).toContain(state.coupon.id)
  })

  test('an operator makes a member staff; only staff see the counter', async () => {
    const login = await staff.api.login()
    const store = await admin('POST', '/api/admin/stores', { name: `门店-${RUN}` })
    await admin('POST', '/api/admin/staff', { memberId: login.member.id, storeId: store.id })
    state.storeId = store.id
    const staffMe = await staff.api.me()
    expect(staffMe.staff).toMatchObject({ storeId: store.id, storeName: `门店-${RUN}` })
    expect(staff.api.isStaff(staffMe)).toBe(true)
    const memberMe = await member.api.me()
    expect(memberMe.staff).toBeNull()
    expect(member.api.isStaff(memberMe)).toBe(false)
  })

  test('店员 verifies the scanned coupon; a second scan says it is used', async () => {
    const verified = await staff.api.verifyCoupon(state.qrPayload)
    expectFields(verified, ['coupon.id', 'coupon.name', 'coupon.status', 'coupon.usedAt', 'coupon.storeId'])
    expect(verified.coupon).toMatchObject({ id: state.coupon.id, status: 'USED', storeId: state.storeId })
    await expect(staff.api.verifyCoupon(state.qrPayload)).rejects.toMatchObject({ code: 'COUPON_ALREADY_USED' })
    expect(staff.wx.toasts.length).toBeGreaterThan(0)
  })

  test('店员 resolves a member code, awards a purchase, takes a top-up and a wallet payment', async () => {
    const { code } = await member.api.memberCode()
    const who = await staff.api.resolveMember(code)
    expectFields(who, ['memberId', 'nickname', 'level.name', 'pointsBalance', 'walletBalanceCents'])
    expect(who.memberId).toBe(state.memberId)

    const purchase = await staff.api.purchase({ memberCode: code, orderNo: `P${RUN}`, amountCents: 8800 })
    expectFields(purchase, ['orderNo', 'pointsAwarded', 'pointsBalance'])
    expect(purchase.orderNo).toBe(`P${RUN}`)
    expect(purchase.pointsBalance).toBe(who.pointsBalance + purchase.pointsAwarded)

    // the code paid for the purchase: a new order needs the fresh code the card now shows
    await expect(staff.api.walletPayment({ memberCode: code, orderNo: `X${RUN}`, amountCents: 100 }))
      .rejects.toMatchObject({ code: 'MEMBER_CODE_USED' })
    const fresh = await member.api.memberCode(code)
    expect(fresh.code).toMatch(/^\d{18}$/)
    expect(fresh.code).not.toBe(code)

    const plan = await admin('POST', '/api/admin/wallet-plans', { name: `充100送10-${RUN}`, payCents: 10000, bonusCents: 1000 })
    const topUp = await staff.api.topUp({ memberCode: fresh.code, orderNo: `T${RUN}`, amountCents: 10000, planId: plan.id })
    expectFields(topUp, ['orderNo', 'principalCents', 'bonusCents', 'balanceCents'])
    expect(topUp.balanceCents).toBe(11000)

    const next = await member.api.memberCode(fresh.code)
    const payment = await staff.api.walletPayment({ memberCode: next.code, orderNo: `W${RUN}`, amountCents: 2500 })
    expectFields(payment, ['orderNo', 'principalCents', 'bonusCents', 'balanceCents'])
    expect(payment.balanceCents).toBe(8500)
    state.planId = plan.id
  })

  test('储值 shows the balance, plans and ledger after the counter', async () => {
    const wallet = await member.api.wallet()
    expectFields(wallet, ['balanceCents', 'principalCents', 'bonusCents'])
    expect(wallet.balanceCents).toBe(8500)
    const plans = await member.api.walletPlans()
    const plan = plans.find((p) => p.id === state.planId)
    expectFields(plan, ['id', 'name', 'payCents', 'bonusCents'])
    const ledger = await member.api.walletLedger(1, 20)
    expect(ledger.total).toBe(2)
    ledger.items.forEach((row) => expectFields(row, ['id', 'deltaCents', 'balanceAfterCents', 'type', 'orderNo', 'createdAt']))
    expect(ledger.items[0]).toMatchObject({ deltaCents: -2500, balanceAfterCents: 8500, orderNo: `W${RUN}` })
  })

  test('返点 and 排行榜 answer what their pages show', async () => {
    const rebates = await member.api.rebates()
    expectFields(rebates, ['period', 'spentCents', 'rate', 'nextTier', 'history'])
    if (rebates.nextTier) expectFields(rebates.nextTier, ['thresholdCents', 'rate'])
    const board = await member.api.leaderboard('streak')
    expectFields(board, ['items', 'me.rank', 'me.value'])
    board.items.forEach((row) => expectFields(row, ['rank', 'memberId', 'nickname', 'value']))
    expect(board.me.value).toBe(1)
  })

  test('我的: nickname, phone binding and the reminder subscription', async () => {
    const changed = await member.api.updateMe({ nickname: '契约测试' })
    expect(changed.nickname).toBe('契约测试')
    const phone = await member.api.bindPhone(`ct-${RUN}-phone`)
    expectFields(phone, ['phoneMasked'])
    expect(phone.phoneMasked).toMatch(/\*/)
    const grant = await member.api.subscribe('tmpl-sign-in-reminder')
    expectFields(grant, ['templateId', 'grantsLeft'])
  })

  test('我的: the avatar chooseAvatar gives is uploaded and served back from the backend', async () => {
    const fs = require('fs')
    const os = require('os')
    const path = require('path')
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'avatar-')), 'tmp_avatar.png')
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`avatar ${RUN}`)])
    fs.writeFileSync(file, png)
    const me = await member.api.uploadAvatar(file)
    expectFields(me, ['id', 'nickname', 'avatarUrl', 'points.balance'])
    expect(me.avatarUrl).toMatch(/^\/media\/avatars\/[0-9a-f]{32}\.png$/)
    const served = await fetch(member.api.absoluteUrl(me.avatarUrl))
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png)
    fs.writeFileSync(file, 'not an image')
    await expect(member.api.uploadAvatar(file, { silent: true })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
  })

  test('an expired token is renewed by one silent login and the request goes through', async () => {
    member.wx.setStorageSync('loyalty.token', 'expired-or-forged')
    const loginsBefore = member.wx.logins
    const me = await member.api.me()
    expect(me.id).toBe(state.memberId)
    expect(member.wx.logins).toBe(loginsBefore + 1)
  })
})
