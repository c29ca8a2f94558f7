// Chinese first, English on request. Labels are written in both languages where they are used:
// tr('会员', 'Members'). The choice is kept in localStorage.
const KEY = 'loyalty.console.lang';
let lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';

export function tr(zh, en) {
  return lang === 'en' && en ? en : zh;
}

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}
