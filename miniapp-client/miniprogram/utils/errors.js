// What a member or a clerk reads when the backend refuses: its problem+json `code` as a short Chinese
// message (the backend's `detail` texts are English). An unknown code falls back to the detail.
const MESSAGES = {
  UNAUTHORIZED: '登录已失效，请重新进入小程序',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已下架',
  WX_CODE_INVALID: '微信登录失败，请重试',
  WX_UNAVAILABLE: '微信服务暂不可用，请稍后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  MAKEUP_NOT_ALLOWED: '这一天不能补签',
  MAKEUP_LIMIT_REACHED: '本月补签次数已用完',
  POINTS_INSUFFICIENT: '积分不足',
  OUT_OF_STOCK: '已兑完，请看看其他商品',
  REDEEM_LIMIT_REACHED: '已达兑换次数上限',
  COUPON_ALREADY_USED: '这张券已使用',
  COUPON_EXPIRED: '这张券已过期',
  COUPON_NOT_VALID_HERE: '这张券不能在本店使用',
  MEMBER_CODE_INVALID: '会员码无效或已过期，请刷新会员码',
  MEMBER_CODE_USED: '会员码已使用，请会员出示新的会员码',
  STAFF_SELF_SERVICE: '店员不能为自己办理，请其他店员操作',
  AMOUNT_OVER_LIMIT: '单笔金额超过上限',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  ORDER_CONFLICT: '该订单号已登记过不同的内容',
  WALLET_INSUFFICIENT: '储值余额不足',
  WALLET_CLOSED: '储值账户已关闭，请联系门店重新开通',
  NOT_STAFF: '你不是店员，无法使用店员工作台',
  IDEMPOTENCY_CONFLICT: '操作重复提交，请重新操作',
  NOT_REVERSIBLE: '这笔记录不能撤销'
}

function errorMessage(err) {
  if (!err) return '请求失败'
  if (err.network) return '网络连接失败'
  if (err.code === 'VALIDATION_FAILED') {
    const first = Array.isArray(err.errors) && err.errors.find((e) => e && e.message)
    if (first) return first.field ? `${first.field}：${first.message}` : first.message
    return err.detail || '提交的内容有误'
  }
  return MESSAGES[err.code] || err.detail || err.message || '请求失败'
}

module.exports = { errorMessage, MESSAGES }
