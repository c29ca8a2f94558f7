#!/usr/bin/env node
// Draws the tab bar icons (81x81 PNG, a grey and a brand-red one per tab) into miniprogram/images/tab/.
// No image tools and no downloads: the shapes are drawn here and written as PNG with Node's zlib.
//   node scripts/tab-icons.js [outDir]
const fs = require('fs')
const path = require('path')
const zlib = require('zlib')

const SIZE = 81
const SAMPLES = 4 // per axis: 16 samples a pixel smooth the edges
const COLORS = { normal: [0x66, 0x66, 0x66], active: [0xb4, 0x28, 0x2d] } // app.json tabBar color / selectedColor

// ---- shapes: (x, y) in icon pixels -> inside? ----
const inRoundRect = (cx, cy, w, h, r) => (x, y) => {
  const dx = Math.max(Math.abs(x - cx) - (w / 2 - r), 0)
  const dy = Math.max(Math.abs(y - cy) - (h / 2 - r), 0)
  return dx * dx + dy * dy <= r * r
}
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inSegment = (x1, y1, x2, y2, width) => (x, y) => {
  const vx = x2 - x1
  const vy = y2 - y1
  const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)))
  return (x - x1 - t * vx) ** 2 + (y - y1 - t * vy) ** 2 <= (width / 2) ** 2
}
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y))
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y)
const outline = (outer, inner) => minus(outer, inner)
const STROKE = 6

const ICONS = {
  // 会员卡: a card with a magnetic stripe
  card: union(
    outline(inRoundRect(40.5, 40.5, 64, 44, 8), inRoundRect(40.5, 40.5, 64 - 2 * STROKE, 44 - 2 * STROKE, 3)),
    (x, y) => x > 9 && x < 72 && y > 28 && y < 36,
    inSegment(20, 50, 34, 50, 5)
  ),
  // 签到: a calendar page with a tick
  signin: union(
    outline(inRoundRect(40.5, 44, 60, 52, 8), inRoundRect(40.5, 44, 60 - 2 * STROKE, 52 - 2 * STROKE, 3)),
    (x, y) => x > 11 && x < 70 && y > 18 && y < 32,
    inSegment(26, 10, 26, 24, 6),
    inSegment(55, 10, 55, 24, 6),
    inSegment(28, 50, 37, 59, 6),
    inSegment(37, 59, 54, 42, 6)
  ),
  // 商城: a shopping bag
  mall: union(
    outline(inRoundRect(40.5, 50, 58, 44, 6), inRoundRect(40.5, 50, 58 - 2 * STROKE, 44 - 2 * STROKE, 2)),
    minus(outline(inCircle(40.5, 28, 15), inCircle(40.5, 28, 15 - STROKE)), (x, y) => y > 28),
    inSegment(25.5, 28, 25.5, 34, STROKE),
    inSegment(55.5, 28, 55.5, 34, STROKE)
  ),
  // 我的: a person
  me: union(
    outline(inCircle(40.5, 26, 15), inCircle(40.5, 26, 15 - STROKE)),
    minus(
      outline(inRoundRect(40.5, 70, 58, 44, 22), inRoundRect(40.5, 70, 58 - 2 * STROKE, 44 - 2 * STROKE, 16)),
      (x, y) => y > 70
    ),
    inSegment(11.5 + STROKE / 2, 68, 11.5 + STROKE / 2, 70, STROKE),
    inSegment(69.5 - STROKE / 2, 68, 69.5 - STROKE / 2, 70, STROKE)
  )
}

function render(shape, [r, g, b]) {
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4)
    rows[row] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++
        }
      }
      const at = row + 1 + x * 4
      rows[at] = r
      rows[at + 1] = g
      rows[at + 2] = b
      rows[at + 3] = Math.round((hits * 255) / (SAMPLES * SAMPLES))
    }
  }
  return png(SIZE, SIZE, rows)
}

// ---- PNG: signature, IHDR (8-bit RGBA), IDAT (zlib), IEND ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function png(width, height, rows) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

function writeIcons(outDir) {
  fs.mkdirSync(outDir, { recursive: true })
  const written = []
  for (const [name, shape] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const file = path.join(outDir, state === 'active' ? `${name}-active.png` : `${name}.png`)
      fs.writeFileSync(file, render(shape, color))
      written.push(file)
    }
  }
  return written
}

if (require.main === module) {
  const outDir = process.argv[2] || path.join(__dirname, '../miniprogram/images/tab')
  writeIcons(outDir).forEach((file) => console.log(path.relative(process.cwd(), file)))
}

module.exports = { writeIcons, ICONS, SIZE }
