// The contract suite needs a running backend: CI passes LOYALTY_BASE_URL; on a developer's machine
// this starts the built jar with the repository's own start script and stops it afterwards.
const { execFileSync } = require('child_process')
const fs = require('fs')
const path = require('path')

const REPO = path.join(__dirname, '../../..')

function findJar() {
  const dir = path.join(REPO, 'target')
  if (!fs.existsSync(dir)) return null
  const jar = fs.readdirSync(dir).find((f) => /^loyalty-.*\.jar$/.test(f))
  return jar ? path.join(dir, jar) : null
}

module.exports = async () => {
  if (process.env.LOYALTY_BASE_URL) return
  const jar = findJar()
  if (!jar) {
    throw new Error(
      'The contract suite needs the backend: no target/loyalty-*.jar. Run `mvn -DskipTests package` in the ' +
        'repository root first, or set LOYALTY_BASE_URL to a running backend started on the embedded default.'
    )
  }
  const out = execFileSync(path.join(REPO, '.ci/start-backend'), [jar], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  const [url, pid] = out.trim().split(/\s+/)
  process.env.LOYALTY_BASE_URL = url
  globalThis.__loyaltyBackendPid = Number(pid)
}
