// Paying a top-up order. WeChat's cashier (wx.requestPayment) takes the backend's payParams as they are;
// when the backend runs its offline WeChat stand-in (the order says `sandbox: true`) there is no cashier,
// and the stand-in is asked to pay the order instead. WeChat tells the backend of the payment on its own
// (the payment notice), so after paying the page asks after the order, backing off, until it is PAID.

// When to ask after a paid order: at once, then less and less often, about 10 s in all.
const POLL_DELAYS_MS = [0, 500, 1000, 1500, 2000, 2000, 3000]

class PaymentError extends Error {
  constructor(errMsg) {
    super(errMsg || 'requestPayment:fail')
    this.payment = true
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// WeChat's cashier: 'PAID' once the member paid, 'CANCELLED' when they closed it; any other failure rejects.
function requestPayment(payParams, host = wx) {
  return new Promise((resolve, reject) => {
    host.requestPayment(Object.assign({}, payParams, {
      success: () => resolve('PAID'),
      fail: (err) => {
        const errMsg = (err && err.errMsg) || ''
        if (/cancel/i.test(errMsg)) resolve('CANCELLED')
        else reject(new PaymentError(errMsg))
      }
    }))
  })
}

// Pays an order as the backend created it: 'PAID' (paid, the backend may not know yet) or 'CANCELLED'.
async function payOrder(api, order, host) {
  if (order.sandbox) {
    await api.sandboxPay(order.orderNo)
    return 'PAID'
  }
  return requestPayment(order.payParams, host)
}

// Asks after the order until it is no longer CREATED, and answers the last state seen (null if no answer came).
// A failed ask is asked again at the next step; `stopped()` ends the wait early (the page went away).
async function waitForPayment(api, orderNo, { delays = POLL_DELAYS_MS, stopped = () => false } = {}) {
  let order = null
  for (const delay of delays) {
    await sleep(delay)
    if (stopped()) return order
    try {
      order = await api.topUpOrderStatus(orderNo, { silent: true })
    } catch (err) {
      continue
    }
    if (order.status !== 'CREATED') return order
  }
  return order
}

module.exports = { POLL_DELAYS_MS, PaymentError, requestPayment, payOrder, waitForPayment }
