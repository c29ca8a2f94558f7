const api = require('./utils/api')

App({
  onLaunch() {
    // Log in early so the first page's requests already carry a token; failures show on the pages.
    if (!api.token()) api.login().catch(() => {})
  }
})
