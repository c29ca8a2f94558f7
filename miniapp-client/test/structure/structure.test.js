// What WeChat DevTools needs to open miniapp-client/ as is, checked without DevTools.
const fs = require('fs')
const path = require('path')

const CLIENT = path.join(__dirname, '../..')
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'))

const project = readJson(path.join(CLIENT, 'project.config.json'))
const ROOT = path.join(CLIENT, project.miniprogramRoot || '')
const app = readJson(path.join(ROOT, 'app.json'))

function filesUnder(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(full, ext)
    return full.endsWith(ext) ? [full] : []
  })
}

describe('project.config.json', () => {
  test('is a mini program project with an appid and an existing root', () => {
    expect(project.compileType).toBe('miniprogram')
    expect(project.appid).toBe('touristappid')
    expect(fs.statSync(ROOT).isDirectory()).toBe(true)
    expect(fs.existsSync(path.join(ROOT, 'app.js'))).toBe(true)
    expect(fs.existsSync(path.join(ROOT, 'app.wxss'))).toBe(true)
  })
})

describe('app.json', () => {
  test.each(app.pages)('page %s has its four files', (page) => {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) {
      expect(fs.existsSync(path.join(ROOT, page + ext))).toBe(true)
    }
  })

  test.each(app.pages)('page %s is written with the Component constructor', (page) => {
    const source = fs.readFileSync(path.join(ROOT, `${page}.js`), 'utf8')
    expect(source).toMatch(/\bComponent\(\{/)
    expect(source).not.toMatch(/\bPage\(\{/)
  })

  test.each(app.pages)('page %s declares usingComponents, as a page built with Component must', (page) => {
    const json = readJson(path.join(ROOT, `${page}.json`))
    expect(json.usingComponents).toEqual(expect.any(Object))
    expect(Array.isArray(json.usingComponents)).toBe(false)
  })

  test('the tab bar is 会员卡 · 签到 · 商城 · 我的, each a listed page', () => {
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['会员卡', '签到', '商城', '我的'])
    app.tabBar.list.forEach((t) => expect(app.pages).toContain(t.pagePath))
  })

  test('the sitemap it names exists and every JSON file parses', () => {
    expect(fs.existsSync(path.join(ROOT, app.sitemapLocation))).toBe(true)
    filesUnder(ROOT, '.json').forEach((file) => expect(() => readJson(file)).not.toThrow())
  })
})

describe('sources', () => {
  test('every require() resolves to a file inside the mini program (no npm build step needed)', () => {
    const unresolved = []
    filesUnder(ROOT, '.js').forEach((file) => {
      const source = fs.readFileSync(file, 'utf8')
      for (const match of source.matchAll(/require\(['"]([^'"]+)['"]\)/g)) {
        const target = path.resolve(path.dirname(file), match[1])
        const candidates = [target, `${target}.js`, path.join(target, 'index.js')]
        if (!match[1].startsWith('.') || !candidates.some((c) => fs.existsSync(c) && fs.statSync(c).isFile())) {
          unresolved.push(`${path.relative(ROOT, file)}: ${match[1]}`)
        }
        if (!path.resolve(target).startsWith(ROOT)) unresolved.push(`${path.relative(ROOT, file)}: ${match[1]} (outside)`)
      }
    })
    expect(unresolved).toEqual([])
  })

  test('the vendored QR encoder ships with its licence', () => {
    const licence = fs.readFileSync(path.join(ROOT, 'utils/qrcode-generator/LICENSE'), 'utf8')
    expect(licence).toMatch(/MIT License/)
    expect(licence).toMatch(/Kazuhiko Arase/)
  })

  test('the backend base URL lives in one config file', () => {
    const config = require(path.join(ROOT, 'config.js'))
    expect(config.baseUrl).toMatch(/^https?:\/\//)
    const mentions = filesUnder(ROOT, '.js').filter((f) => /https?:\/\/127\.0\.0\.1|localhost:\d+/.test(fs.readFileSync(f, 'utf8')))
    expect(mentions.map((f) => path.relative(ROOT, f))).toEqual(['config.js'])
  })
})

describe('tab bar icons', () => {
  const os = require('os')
  const { writeIcons } = require('../../scripts/tab-icons')
  const icons = app.tabBar.list.flatMap((t) => [t.iconPath, t.selectedIconPath])

  test('every tab has an icon and a selected icon', () => {
    app.tabBar.list.forEach((t) => {
      expect(t.iconPath).toMatch(/^images\/tab\/.+\.png$/)
      expect(t.selectedIconPath).toMatch(/^images\/tab\/.+\.png$/)
    })
  })

  test.each(icons)('%s is a small 81x81 PNG, as WeChat takes tab icons (under 40 KB)', (icon) => {
    const file = path.join(ROOT, icon)
    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(bytes.toString('ascii', 12, 16)).toBe('IHDR')
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([81, 81])
    expect(bytes.length).toBeLessThan(40 * 1024)
  })

  test('the committed icons are what scripts/tab-icons.js draws', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-icons-'))
    try {
      const drawn = writeIcons(dir)
      expect(drawn.map((f) => `images/tab/${path.basename(f)}`).sort()).toEqual([...icons].sort())
      drawn.forEach((f) => expect(fs.readFileSync(f)).toEqual(fs.readFileSync(path.join(ROOT, 'images/tab', path.basename(f)))))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
