const { formatCents, parseYuan } = require('../../miniprogram/utils/money')

describe('formatCents', () => {
  test.each([
    [1234, '¥12.34'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [-1234, '-¥12.34'],
    [-5, '-¥0.05'],
    [123456789, '¥1,234,567.89'],
    [9007199254740991, '¥90,071,992,547,409.91'],
    ['12345678901234567890', '¥123,456,789,012,345,678.90']
  ])('%p cents is %s', (cents, shown) => {
    expect(formatCents(cents)).toBe(shown)
  })

  test('anything that is not whole cents shows a dash rather than a wrong amount', () => {
    expect(formatCents(12.5)).toBe('—')
    expect(formatCents(null)).toBe('—')
    expect(formatCents('abc')).toBe('—')
  })
})

describe('parseYuan', () => {
  test.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.01', 1],
    [' 8 ', 800],
    ['0.1', 10]
  ])('%p yuan is %p cents', (input, cents) => {
    expect(parseYuan(input)).toBe(cents)
  })

  test.each(['', '12.345', '-1', '1e3', 'abc', '1,000'])('%p is refused', (input) => {
    expect(parseYuan(input)).toBeNull()
  })
})
