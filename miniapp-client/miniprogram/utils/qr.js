const qrcode = require('./qrcode-generator/qrcode')

// A QR code as a data URL (GIF) that an <image> shows directly, without a canvas.
function qrDataUrl(text, cellSize = 6, margin = 4) {
  if (!text) return ''
  const qr = qrcode(0, 'M')
  qr.addData(String(text))
  qr.make()
  return qr.createDataURL(cellSize, margin)
}

module.exports = { qrDataUrl }
