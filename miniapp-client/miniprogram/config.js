// Where the Mini Program finds its backend. A brand points this at its own HTTPS host
// (and adds that host to the Mini Program's request domains in the WeChat console).
// For a backend on this computer, keep the default and tick 「不校验合法域名」 in DevTools.
module.exports = {
  baseUrl: 'http://127.0.0.1:8080',
  // The subscribe-message template of the sign-in reminder; empty hides the reminder prompt.
  signInReminderTemplateId: ''
}
