const path = require('path')
const simulate = require('miniprogram-simulate')
const { createWx } = require('./wx-stub')

const ROOT = path.join(__dirname, '../../miniprogram')

// Loads a page (once per test file: Jest caches the page's module) and renders it with a fresh wx stub.
function pageLoader(name) {
  let id
  return function render(wxOptions) {
    global.wx = createWx(Object.assign({ storage: { 'loyalty.token': 't-1' } }, wxOptions))
    if (!id) id = simulate.load(path.join(ROOT, `pages/${name}/index`), { rootPath: ROOT, compiler: 'simulate' })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    return { page, wx: global.wx }
  }
}

const text = (page, selector) => {
  const node = page.querySelector(selector)
  return node ? node.dom.textContent.trim() : null
}

module.exports = { pageLoader, text, ROOT }
