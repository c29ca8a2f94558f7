const { errorMessage, MESSAGES } = require('../../miniprogram/utils/errors')
const { ApiError } = require('../../miniprogram/utils/api')

const DOCUMENTED = [
  'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'WX_CODE_INVALID', 'WX_UNAVAILABLE', 'RATE_LIMITED',
  'MAKEUP_NOT_ALLOWED', 'MAKEUP_LIMIT_REACHED', 'POINTS_INSUFFICIENT', 'OUT_OF_STOCK', 'REDEEM_LIMIT_REACHED',
  'COUPON_ALREADY_USED', 'COUPON_EXPIRED', 'COUPON_NOT_VALID_HERE', 'MEMBER_CODE_INVALID', 'ORDER_CONFLICT',
  'WALLET_INSUFFICIENT', 'NOT_STAFF', 'IDEMPOTENCY_CONFLICT', 'NOT_REVERSIBLE',
  'MEMBER_CODE_USED', 'STAFF_SELF_SERVICE', 'AMOUNT_OVER_LIMIT', 'PAYLOAD_TOO_LARGE', 'WALLET_CLOSED'
]

describe('errorMessage', () => {
  test.each(DOCUMENTED)('%s reads as a short Chinese message, not the English detail', (code) => {
    const message = errorMessage(new ApiError({ status: 409, code, detail: 'Something in English' }))
    expect(message).toBe(MESSAGES[code])
    expect(message).toMatch(/[\u4e00-\u9fff]/)
    expect(message).not.toMatch(/[A-Za-z]/)
    expect(message.length).toBeLessThanOrEqual(20)
  })

  test('the table holds exactly the documented codes', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...DOCUMENTED].sort())
  })

  test('a few codes say what they mean', () => {
    expect(errorMessage(new ApiError({ code: 'POINTS_INSUFFICIENT', detail: 'x' }))).toBe('积分不足')
    expect(errorMessage(new ApiError({ code: 'MAKEUP_LIMIT_REACHED', detail: 'x' }))).toBe('本月补签次数已用完')
    expect(errorMessage(new ApiError({ code: 'COUPON_NOT_VALID_HERE', detail: 'x' }))).toBe('这张券不能在本店使用')
    expect(errorMessage(new ApiError({ code: 'WALLET_CLOSED', detail: 'x' }))).toBe('储值账户已关闭，请联系门店重新开通')
  })

  test('a validation error shows its first field error with the field, else its detail', () => {
    const errors = [{ field: 'amountCents', message: 'must be greater than 0' }, { field: 'orderNo', message: 'must not be blank' }]
    expect(errorMessage(new ApiError({ code: 'VALIDATION_FAILED', detail: 'Request is invalid', errors }))).toBe('amountCents：must be greater than 0')
    expect(errorMessage(new ApiError({ code: 'VALIDATION_FAILED', detail: 'Request is invalid', errors: [{ message: 'bad body' }] }))).toBe('bad body')
    expect(errorMessage(new ApiError({ code: 'VALIDATION_FAILED', detail: 'Request is invalid' }))).toBe('Request is invalid')
  })

  test('an unknown code falls back to the detail; a network failure says so', () => {
    expect(errorMessage(new ApiError({ status: 500, code: 'INTERNAL', detail: 'Unexpected error' }))).toBe('Unexpected error')
    expect(errorMessage(new ApiError({ status: 502, detail: '请求失败（502）' }))).toBe('请求失败（502）')
    expect(errorMessage(new ApiError({ network: true, code: 'request:fail timeout', detail: '网络连接失败' }))).toBe('网络连接失败')
  })
})
