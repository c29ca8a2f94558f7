module.exports = async () => {
  const pid = globalThis.__loyaltyBackendPid
  if (pid) {
    try {
      process.kill(pid)
    } catch (err) {
      // already gone
    }
  }
}
