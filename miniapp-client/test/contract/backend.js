// What the contract suites share: a Mini Program client per role on the real backend (sandbox WeChat login),
// the field check, and an operator calling the admin API.
const { createApi } = require('../../miniprogram/utils/api')
const { createHttpWx } = require('./wx-http')

const BASE = process.env.LOYALTY_BASE_URL

// One Mini Program user: its wx (sandbox login code `${prefix}-${role}`) and the app's own API module over it.
function client(prefix, role) {
  const wx = createHttpWx({ loginCode: `${prefix}-${role}` })
  return { wx, api: createApi({ wx, baseUrl: BASE }) }
}

// Every field path a page reads must be present in the answer (a null value counts as present).
function expectFields(answer, paths) {
  const missing = paths.filter((p) => {
    let node = answer
    for (const key of p.split('.')) {
      if (node === null || typeof node !== 'object' || !(key in node)) return true
      node = node[key]
    }
    return false
  })
  expect(missing).toEqual([])
}

// An operator: admin(method, path, body) answers the JSON or throws; admin.login() signs in as the first admin.
function createAdmin() {
  async function admin(method, path, body) {
    const headers = { 'Content-Type': 'application/json' }
    if (admin.token) headers.Authorization = `Bearer ${admin.token}`
    const res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const data = await res.json()
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`)
    return data
  }
  admin.login = async () => {
    admin.token = (await admin('POST', '/api/admin/auth/login', { username: 'admin', password: 'dev-only-admin' })).token
  }
  return admin
}

module.exports = { BASE, client, expectFields, createAdmin }
