// Shirong: 消息 (the user's in-app notifications, /api/notifications) in Tasklist's header: the unread count, the list,
// marking one or all read, and each message opening the task it is about (or its document). A notification link
// (…/tasklist/default/#/?about=<business key>, also in e-mails) is resolved here too, after Tasklist's login: the
// server names the reader's task of that case and a filter of theirs that holds it (/api/notifications/target).
import {ROOT, besideMenuButton} from './header-buttons.js';

const REFRESH_MS = 60000;
const PAGE = 50;

const API = ROOT + '/api/notifications';

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

function call(path, method = 'GET') {
  return fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()}
  }).then(response => {
    if (!response.ok) {
      const failure = new Error(`${method} ${path}: ${response.status}`);
      failure.status = response.status;
      throw failure;
    }
    return response.status === 204 ? null : response.json();
  });
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

// Times in the organisation's time zone (shown-times.js), as the messages' own text gives them.
let shownTimes = null;
function times() {
  shownTimes = shownTimes || import(`${ROOT}/shirong/assets/shown-times.js`);
  return shownTimes.then(() => window.ShirongTimes.load(ROOT));
}

function when(iso) {
  return window.ShirongTimes.monthDayTime(iso);
}

function hashParams() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
}

// What a Tasklist link says it is about (…#/?about=…): one task's process where the business key names a campaign.
function aboutOf(link) {
  const q = link ? link.indexOf('?', link.indexOf('#')) : -1;
  return q < 0 || link.indexOf('#') < 0 ? null : new URLSearchParams(link.substring(q + 1)).get('about');
}

// A link into Tasklist (or none) opens the reader's task of the message's case; any other link of Shirong (a document)
// opens in a new tab, on this page's own address so that the Tasklist session counts.
function isTasklistLink(link) {
  return !link || link.indexOf('/app/tasklist/') >= 0;
}

function samePlace(link) {
  try {
    const url = new URL(link, window.location.href);
    return url.pathname + url.search + url.hash;
  } catch (e) {
    return link;
  }
}

let state = null;

// Within this page only (a bare '#…' would be resolved against the page's <base> and load another address).
function goTo(hash) {
  window.location.replace(window.location.pathname + window.location.search + hash);
}

function openTask(about) {
  return call('/target?about=' + encodeURIComponent(about)).then(target => {
    if (!target.task) {
      // The server says why (done, and when; with someone else; a case with its status) and, for a case the reader may
      // read, gives its page: the way on (jtphone-s61 F5).
      return {text: target.note || '此链接所指的事项目前没有需要您办理的任务。', casePage: target.casePage};
    }
    const params = new URLSearchParams();
    if (target.filter) {
      params.set('filter', target.filter);
    }
    params.set('task', target.task);
    goTo('#/?' + params.toString());
    keepTaskOpen('#/?' + params.toString());
    showTaskOnPhone(target.task);
    return null;
  });
}

// Tasklist, still choosing its first filter just after login, may rewrite the address to that filter alone and drop the
// task: put the task back while the address has none (a task the user picks meanwhile is left alone), for a few seconds.
function keepTaskOpen(hash) {
  let tries = 0;
  const timer = window.setInterval(() => {
    if (++tries > 16) {
      window.clearInterval(timer);
    } else if (!hashParams().get('task')) {
      goTo(hash);
    }
  }, 300);
}

// On a phone the task's card sits below the filters and the list: bring it up once Tasklist has drawn it.
function showTaskOnPhone() {
  if (window.innerWidth >= 768) {
    return;
  }
  let tries = 0;
  const timer = window.setInterval(() => {
    const card = document.querySelector('.task-card');
    if (card || ++tries > 40) {
      window.clearInterval(timer);
      if (card) {
        (card.closest('.task-details') || card).scrollIntoView({block: 'start'}); // its 添加备注 bar too, as phone-forms.js
      }
    }
  }, 250);
}

function followAboutLink() {
  const about = hashParams().get('about');
  if (!about) {
    return;
  }
  openTask(about)
    .then(problem => {
      if (problem) {
        goTo('#/');
        showPanel(problem);
      }
    })
    .catch(() => showPanel('无法打开链接所指的任务，请稍后再试。'));
}

function setCount(unread) {
  state.unread = unread;
  state.badges.forEach(badge => {
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.style.display = unread > 0 ? '' : 'none';
  });
  state.toggles.forEach(t => t.setAttribute('title', unread > 0 ? `消息：${unread} 条未读` : '消息：没有未读消息'));
}

function refreshCount() {
  // A hidden tab does not ask (nor keep the session alive); once the session has ended, asking stops until the next login.
  if (document.visibilityState === 'hidden') {
    return Promise.resolve();
  }
  return call('/unread').then(r => setCount(r.unread)).catch(failure => {
    if (failure.status === 401 && state && state.timer) {
      window.clearInterval(state.timer);
      state.timer = null;
    }
  });
}

// A problem is a sentence, or {text, casePage}: then the case page is offered after it (opened in a new tab, as documents).
function showNotice(problem) {
  const notice = state.notice;
  notice.textContent = '';
  const text = problem && typeof problem === 'object' ? problem.text : problem;
  notice.appendChild(document.createTextNode(text || ''));
  if (problem && problem.casePage) {
    const open = element('a', 'shirong-inbox-case', '打开案件页');
    open.href = ROOT + problem.casePage;
    open.target = '_blank';
    open.rel = 'noopener';
    notice.appendChild(document.createTextNode(' '));
    notice.appendChild(open);
  }
  notice.style.display = text ? '' : 'none';
}

function renderList(messages, problem) {
  const list = state.list;
  list.textContent = '';
  showNotice(problem);
  if (!messages.length) {
    list.appendChild(element('li', 'shirong-inbox-empty', '暂无消息'));
    return;
  }
  messages.forEach(m => {
    const item = element('li', 'shirong-inbox-item' + (m.readAt ? '' : ' unread'));
    item.setAttribute('data-id', m.id);
    const button = element('button', 'shirong-inbox-open');
    button.type = 'button';
    button.appendChild(element('span', 'shirong-inbox-subject', m.subject));
    button.appendChild(element('span', 'shirong-inbox-time', (m.readAt ? '' : '未读 · ') + when(m.createdAt)));
    const firstLines = (m.body || '').split('\n').filter(l => l.trim()).slice(0, 2).join(' ');
    button.appendChild(element('span', 'shirong-inbox-body', firstLines));
    button.addEventListener('click', () => openMessage(m));
    item.appendChild(button);
    list.appendChild(item);
  });
}

function loadList(problem) {
  return Promise.all([call('?limit=' + PAGE), times()])
    .then(([messages]) => renderList(messages, problem))
    .catch(() => renderList([], '消息暂时无法读取，请稍后再试。'));
}

function showPanel(problem) {
  state.panel.style.display = '';
  state.toggles.forEach(t => t.setAttribute('aria-expanded', 'true'));
  refreshCount();
  return loadList(problem);
}

function hidePanel() {
  state.panel.style.display = 'none';
  state.toggles.forEach(t => t.setAttribute('aria-expanded', 'false'));
}

function openMessage(m) {
  const read = m.readAt ? Promise.resolve() : call(`/${m.id}/read`, 'POST');
  read
    .then(() => {
      if (!isTasklistLink(m.link)) {
        window.open(samePlace(m.link), '_blank', 'noopener');
        return null;
      }
      const about = aboutOf(m.link) || m.businessKey;
      return about ? openTask(about) : null;
    })
    .then(problem => {
      refreshCount();
      if (problem) {
        loadList(problem);
      } else {
        hidePanel();
      }
    })
    .catch(() => loadList('操作未成功，请稍后再试。'));
}

function markAllRead() {
  call('/read', 'POST')
    .then(r => {
      setCount(r.unread);
      return loadList();
    })
    .catch(() => loadList('操作未成功，请稍后再试。'));
}

function makeToggle(className, label) {
  const toggle = element('a', className);
  toggle.href = '';
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-label', '消息');
  toggle.appendChild(element('span', 'glyphicon glyphicon-envelope'));
  if (label) {
    toggle.appendChild(element('span', 'shirong-inbox-label', label));
  }
  const badge = element('span', 'badge shirong-inbox-count');
  badge.style.display = 'none';
  toggle.appendChild(badge);
  toggle.addEventListener('click', event => {
    event.preventDefault();
    if (state.panel.style.display === 'none') {
      showPanel();
    } else {
      hidePanel();
    }
  });
  return toggle;
}

function buildPanel() {
  const panel = element('div', 'shirong-inbox-panel');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '消息');
  panel.style.display = 'none';
  const head = element('div', 'shirong-inbox-head');
  head.appendChild(element('strong', null, '消息'));
  const all = element('button', 'btn btn-default btn-sm shirong-inbox-all', '全部标为已读');
  all.type = 'button';
  all.addEventListener('click', markAllRead);
  const close = element('button', 'btn btn-link btn-sm shirong-inbox-close', '关闭');
  close.type = 'button';
  close.addEventListener('click', hidePanel);
  head.appendChild(all);
  head.appendChild(close);
  panel.appendChild(head);
  const notice = element('div', 'shirong-inbox-notice');
  notice.setAttribute('role', 'alert');
  notice.style.display = 'none';
  panel.appendChild(notice);
  const list = element('ul', 'shirong-inbox-list');
  panel.appendChild(list);
  document.body.appendChild(panel);
  return {panel, notice, list};
}

export default {
  id: 'shirong.inbox',
  pluginPoint: 'tasklist.navbar.action',
  priority: 300,
  render(node) {
    const toggle = makeToggle('shirong-inbox-toggle', ' 消息 ');
    node.appendChild(toggle);
    const phone = makeToggle('shirong-inbox-phone', '');
    besideMenuButton(phone);
    state = {toggles: [toggle, phone], badges: [toggle, phone].map(t => t.querySelector('.badge')), unread: 0,
      phone, ...buildPanel()};
    state.timer = window.setInterval(refreshCount, REFRESH_MS);
    state.onHash = () => followAboutLink();
    window.addEventListener('hashchange', state.onHash);
    // Closes like Tasklist's own menus: a tap elsewhere or Esc.
    state.onOutside = event => {
      if (state.panel.style.display !== 'none' && !state.panel.contains(event.target)
          && !state.toggles.some(t => t.contains(event.target))) {
        hidePanel();
      }
    };
    state.onKey = event => {
      if (event.key === 'Escape') {
        hidePanel();
      }
    };
    document.addEventListener('click', state.onOutside, true);
    document.addEventListener('keydown', state.onKey);
    refreshCount();
    followAboutLink();
  },
  unmount() {
    if (!state) {
      return;
    }
    window.clearInterval(state.timer);
    window.removeEventListener('hashchange', state.onHash);
    document.removeEventListener('click', state.onOutside, true);
    document.removeEventListener('keydown', state.onKey);
    state.panel.remove();
    state.phone.remove();
    state = null;
  }
};
