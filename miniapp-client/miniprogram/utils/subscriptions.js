// Subscribe-message prompts after a member did something worth hearing about again (signed in, redeemed).
// The template ids come from the backend (GET /api/app/subscription-templates; '' = not configured), fetched
// once and kept. WeChat lets a prompt ask for at most three templates and only right after a tap, so the
// prompt is offered in a modal first: its 「开启」 button is the tap wx.requestSubscribeMessage needs.
// Every template the member accepted is one grant, reported with POST /api/app/subscriptions.
const MAX_PER_PROMPT = 3

// What each moment asks for, most useful first.
const KINDS = {
  signIn: ['signInReminder', 'pointsChanged', 'levelChanged'],
  redeem: ['couponChanged', 'pointsChanged', 'walletChanged']
}

function createSubscriptions({ api, host = () => wx }) {
  let templates = null

  function load() {
    if (!templates) {
      templates = api.subscriptionTemplates({ silent: true }).catch(() => {
        templates = null // try again next time
        return {}
      })
    }
    return templates
  }

  // The configured ids of these kinds, without blanks and repeats, at most three.
  function idsFor(all, kinds) {
    const ids = []
    for (const kind of kinds) {
      const id = all && typeof all[kind] === 'string' ? all[kind].trim() : ''
      if (id && !ids.includes(id)) ids.push(id)
    }
    return ids.slice(0, MAX_PER_PROMPT)
  }

  function confirm(content) {
    return new Promise((resolve) => {
      host().showModal({
        title: '消息提醒',
        content,
        confirmText: '开启',
        cancelText: '暂不',
        success: (res) => resolve(Boolean(res && res.confirm)),
        fail: () => resolve(false)
      })
    })
  }

  // The ids the member accepted, of those asked for.
  function ask(ids) {
    return new Promise((resolve) => {
      host().requestSubscribeMessage({
        tmplIds: ids,
        success: (res) => resolve(ids.filter((id) => res && res[id] === 'accept')),
        fail: () => resolve([])
      })
    })
  }

  // Offers the prompt of a moment ('signIn' or 'redeem'); answers the template ids granted and reported.
  async function offer(moment, content) {
    const ids = idsFor(await load(), KINDS[moment] || [])
    if (!ids.length) return []
    if (!(await confirm(content))) return []
    const accepted = await ask(ids)
    const granted = []
    for (const id of accepted) {
      try {
        await api.subscribe(id, { silent: true })
        granted.push(id)
      } catch (err) {
        // a grant the backend did not take is not worth interrupting the member for
      }
    }
    if (granted.length) host().showToast({ title: '已开启消息提醒', icon: 'none' })
    return granted
  }

  // Drops the kept ids (a test's fresh backend, or after the brand changed its templates).
  function forget() {
    templates = null
  }

  return { load, forget, idsFor, offer, KINDS, MAX_PER_PROMPT }
}

module.exports = Object.assign(createSubscriptions({ api: require('./api') }), { createSubscriptions })
