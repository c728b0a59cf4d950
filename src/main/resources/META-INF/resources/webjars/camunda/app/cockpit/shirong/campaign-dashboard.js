// Shirong 活动驾驶舱: a campaign section on Cockpit's dashboard (cockpit.dashboard), a page per campaign
// (#/shirong-campaign/<code>, cockpit.route) and a header link (cockpit.navigation). Everything comes from Shirong's
// own API as the logged-in user (the Cockpit session authenticates GET /api): GET /api/dashboard decides who sees it
// (403 for a unit: then nothing is drawn) and gives each campaign's card (phases, this month's totals);
// GET /api/campaigns/<code>/dashboard gives a campaign's figures, with the traffic lights' colours (those of the case page
// and the map). Every number opens the list of cases behind it, which the server lists by the rule it counted by
// (GET /api/campaigns/<code>/dashboard/cases?figure=), and the campaign page frames the campaign's map and offers its
// Excel ledger and scores, its PDF dossiers and its 迎检 archive; its 责任区 block reads GET /api/zones/rates (the zones'
// rates per 负责单位 against the rubric's targets, and the 黄牌/红牌/移交 counts).
// Charts: ECharts from the application's own webjar (no CDN: a town intranet has no internet).
// Besides, for read-only leaders: Cockpit's toolbar actions (cancel, suspend, modify, migrate, retry) are hidden for
// a user who may not delete process instances (see user-styles.css, .shirong-read-only), and so are the menu's engine
// pages (流程、决策、人工任务 and, under 更多, 部署、批处理、报表), which list process keys and tenant ids.

const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');
const API = ROOT + '/api';
const ECHARTS = ROOT + '/webjars/echarts/dist/echarts.min.js';
const PAGE_PATH = '/shirong-campaign/:code';
// Until the API's colours are read (the traffic lights' of the case page and the map; see TrafficLight).
const COLOURS = {RED: '#d9363e', YELLOW: '#e0a800', GREEN: '#2e8b57'};

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

function get(path) {
  return fetch(path, {
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    credentials: 'same-origin'
  }).then(response => {
    if (!response.ok) {
      const error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  });
}

// Whether the user may act on process instances (DELETE): the process owner and the administrator may; the 领导小组 and
// the 办公室 read (AccessAuthorizations). Asked anew each time: another user may have logged in since.
function mayAct() {
  const engine = (/\/app\/cockpit\/([^/]+)\//.exec(window.location.pathname) || [null, 'default'])[1];
  return get(`${appRoot}/api/engine/engine/${encodeURIComponent(engine)}/authorization/check?permissionName=DELETE`
    + '&resourceName=ProcessInstance&resourceType=8')
    .then(result => !!result.authorized)
    .catch(() => false);
}

// Read-only users (no DELETE on process instances) do not get Cockpit's toolbar actions they cannot use.
function markReadOnly() {
  mayAct().then(may => document.documentElement.classList.toggle('shirong-read-only', !may));
}

// The menu's engine pages, by their navigation plugins' ids (Cockpit's own, "proceses" as it spells it) and their paths.
// A read-only user is not offered them: each plugin's `access` (Cockpit's own switch for a menu entry, asked whenever
// the menu is drawn, as after a login) answers whether the user may act. Typed or bookmarked, such a page turns to the
// home page. The engine's authorizations remain the guard of the data.
const ENGINE_PAGES = ['proceses', 'decisions', 'tasks', 'deployments', 'batch', 'reports'];
const ENGINE_PATHS = /^#\/(processes|decisions|tasks|repository|batch|reports)(?:[/?]|$)/;
window.angular.module('cam.cockpit.custom').run(['Views', function(Views) {
  Views.getProviders({component: 'cockpit.navigation'})
    .filter(provider => ENGINE_PAGES.includes(provider.id))
    .forEach(provider => {
      provider.access = ['$rootScope', $rootScope => callback => mayAct()
        .then(may => $rootScope.$applyAsync(() => callback(null, may)))];
    });
}]);
function leaveEnginePage() {
  if (ENGINE_PATHS.test(window.location.hash)) {
    mayAct().then(may => {
      if (!may && ENGINE_PATHS.test(window.location.hash)) {
        window.location.replace('#/');
      }
    });
  }
}
leaveEnginePage();
window.addEventListener('hashchange', leaveEnginePage);
// Cockpit's login page does not reload the app, and there the check is refused (401): check again whenever someone has
// just logged in (leaving #/login), or an administrator logging in through the form kept the read-only view.
const onLoginPage = () => /^#\/login\b/.test(window.location.hash);
let wasOnLoginPage = onLoginPage();
if (!wasOnLoginPage) {
  markReadOnly();
}
window.addEventListener('hashchange', () => {
  const now = onLoginPage();
  if (wasOnLoginPage && !now) {
    markReadOnly();
  }
  wasOnLoginPage = now;
});

let echartsLoading = null;
function echarts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      // ECharts' UMD file would register with an AMD loader if the page had one; it is wanted as a global here.
      const define = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = ECHARTS;
      script.onload = () => {
        window.define = define;
        resolve(window.echarts);
      };
      script.onerror = () => {
        window.define = define;
        reject(new Error('ECharts 未能加载：' + ECHARTS));
      };
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (key === 'onclick') {
      element.addEventListener('click', value);
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      element.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
  });
  return element;
}

function campaignHref(code) {
  return '#/shirong-campaign/' + encodeURIComponent(code);
}

// A case opens on its case page (record, timeline, photos side by side), readable by whoever may read the case.
function caseHref(caseNo) {
  return `${ROOT}/shirong/cases/${encodeURIComponent(caseNo)}`;
}

// Times in the organisation's time zone (shown-times.js), as the campaign's documents and reports give them.
let shownTimes = null;
function times() {
  shownTimes = shownTimes || import(`${ROOT}/shirong/assets/shown-times.js`);
  return shownTimes.then(() => window.ShirongTimes.load(ROOT));
}

function dateTime(instant) {
  return instant ? window.ShirongTimes.dateTime(instant) : '—';
}

// ---- timeline of the phases with today marked -------------------------------------------------------------------

// A phase's share of the bar: its share of the campaign's days, yet at least MIN_PHASE (an equal share past six phases), so that a
// phase of two days among months still shows its name in lines of words, not one character per line; the others share
// what is left in proportion to their days.
const MIN_PHASE = 0.15;
function phaseWidths(shares) {
  const floor = Math.min(MIN_PHASE, 1 / shares.length);
  const small = shares.map(share => share < floor);
  const others = shares.filter((share, n) => !small[n]).reduce((sum, share) => sum + share, 0);
  const left = 1 - floor * small.filter(Boolean).length;
  return shares.map((share, n) => small[n] || others <= 0 ? floor : share / others * left);
}

// Where today lies on the bar drawn with those widths (within its phase, in proportion to that phase's days), or null
// outside the campaign.
function todayOnBar(spans, widths, today) {
  let before = 0;
  for (let n = 0; n < spans.length; n++) {
    const [from, to] = spans[n];
    if (today >= from && today < to) {
      return before + widths[n] * (today - from) / (to - from);
    }
    before += widths[n];
  }
  return today === spans[spans.length - 1][1] ? 1 : null;
}

function timeline(phases, today) {
  const box = el('div', {class: 'shirong-timeline'});
  if (!phases.length) {
    return box;
  }
  const day = s => Date.parse(s + 'T00:00:00Z');
  const start = day(phases[0].firstDay);
  const end = day(phases[phases.length - 1].lastDay) + 86400000;
  const bar = el('div', {class: 'shirong-timeline-bar'});
  const widths = phaseWidths(phases.map(p => (day(p.lastDay) + 86400000 - day(p.firstDay)) / (end - start)));
  phases.forEach((p, n) => {
    const width = widths[n] * 100;
    const state = p.current ? 'current' : day(p.lastDay) + 86400000 <= day(today) ? 'past' : 'future';
    // a phase whose tasks are not issued yet names those it will issue, not 任务 0/0 (jtreview-s59 T4)
    const planned = p.tasksDone + p.tasksOpen === 0 && (p.planned || []).length
      ? `将下达 ${p.planned.length} 项：${p.planned.join('、')}` : null;
    bar.appendChild(el('div', {class: 'shirong-phase shirong-phase-' + state, style: `width:${width}%`,
      title: `${p.name} ${p.firstDay} 至 ${p.lastDay}，` + (planned || `任务已完成 ${p.tasksDone} 项，未完成 ${p.tasksOpen} 项`)},
    el('div', {class: 'shirong-phase-name'}, `第 ${p.no} 阶段　${p.name}${p.current ? '（进行中）' : ''}`),
    el('div', {class: 'shirong-phase-days'}, `${p.firstDay} 至 ${p.lastDay}　`
      + (planned ? `将下达 ${p.planned.length} 项任务` : `任务 ${p.tasksDone}/${p.tasksDone + p.tasksOpen}`)),
    planned ? el('div', {class: 'shirong-phase-planned', 'data-planned': p.no}, p.planned.join('、')) : null));
  });
  const position = todayOnBar(phases.map(p => [day(p.firstDay), day(p.lastDay) + 86400000]), widths, day(today));
  if (position !== null) {
    // a mark below the phases' names, not through them; its label turns left near the bar's right end
    bar.appendChild(el('div', {class: 'shirong-today' + (position > 0.85 ? ' shirong-today-end' : ''),
      style: `left:${position * 100}%`, title: '今天 ' + today}, el('span', null, '今天 ' + today)));
  }
  box.appendChild(bar);
  return box;
}

// ---- the dashboard section: the campaigns the user supervises ---------------------------------------------------

// The dashboard and the header link ask together when Cockpit opens: one request serves both, a later visit asks anew.
let overviewAsked = null;
function overview() {
  if (!overviewAsked || Date.now() - overviewAsked.at > 10000) {
    overviewAsked = {at: Date.now(), answer: get(API + '/dashboard')};
  }
  return overviewAsked.answer;
}

// A campaign on Cockpit's dashboard: its phases and this month's totals, as GET /api/dashboard gave them.
function campaignCard(card) {
  const figures = el('div', {class: 'shirong-card-figures'},
    [['在办案件', card.total.open, ''], ['红灯超期', card.total.red, 'red'], ['黄灯临期', card.total.yellow, 'yellow'],
      [`${card.period.name}按时结案`, card.total.closedOnTime, 'green'], [`${card.period.name}逾期结案`, card.total.closedLate, '']]
      .map(([label, value, tone]) => el('a', {class: 'shirong-figure ' + tone, href: campaignHref(card.code),
        'data-figure': label}, el('b', null, value), el('span', null, label))));
  return el('div', {class: 'shirong-campaign-card', 'data-campaign': card.code},
    el('h3', null, el('a', {href: campaignHref(card.code)}, card.name)),
    el('div', {class: 'shirong-muted'}, `${card.organizationName}　${card.templateName || ''}　${card.statusName}`
      + (card.currentPhaseName ? `　当前阶段：${card.currentPhaseName}` : '')),
    timeline(card.phases, card.today),
    figures);
}

const dashboardPlugin = {
  id: 'shirong.campaignDashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render(node) {
    const box = el('div', {class: 'shirong-dashboard'});
    node.appendChild(box);
    overview().then(answer => {
      // Shown first on the dashboard, above the engine's own counters.
      const section = node.closest('section');
      if (section && section.parentNode && section.parentNode.firstElementChild !== section) {
        section.parentNode.insertBefore(section, section.parentNode.firstElementChild);
      }
      // The section's own title (DASHBOARD_CUSTOM_PLUGINS in locales/zh.json) reads 活动驾驶舱.
      if (!answer.campaigns.length) {
        box.appendChild(el('p', null, '目前没有活动。'));
      }
      answer.campaigns.forEach(card => box.appendChild(campaignCard(card)));
    }).catch(() => {
      // A unit (403) sees nothing of it, not even the empty section.
      const section = node.closest('section');
      if (section) {
        section.style.display = 'none';
      }
      box.remove();
    });
  }
};

const navigationPlugin = {
  id: 'shirong.campaignDashboardLink',
  pluginPoint: 'cockpit.navigation',
  priority: 100,
  checkActive: path => path.indexOf('#/shirong-campaign') > -1,
  render(node) {
    overview().then(answer => {
      const first = answer.campaigns[0];
      node.appendChild(el('a', {href: first ? campaignHref(first.code) : '#/', class: 'shirong-dashboard-link'}, '活动驾驶舱'));
    }).catch(() => {
      const item = node.closest('li');
      if (item) {
        item.style.display = 'none';
      }
    });
  }
};

// ---- the campaign page ---------------------------------------------------------------------------------------

// A download link (Excel, PDF, ZIP) fetched here rather than by the browser, which drops an error answer without a word:
// the button says 正在生成 while the file is made, a refusal (over the dossier's case limit, a font missing …) is shown
// beside it in the server's words, and the file is saved under the name the server gives.
function downloadsExplained(page) {
  page.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a[download]');
    if (!link || !page.contains(link) || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute('aria-busy') === 'true') {
      return;
    }
    const label = link.textContent;
    const shown = link.parentNode.querySelector(`[data-download-error="${CSS.escape(link.href)}"]`);
    if (shown) {
      shown.remove();
    }
    link.setAttribute('aria-busy', 'true');
    link.classList.add('disabled');
    link.textContent = '正在生成……';
    fetch(link.href, {credentials: 'same-origin', headers: {'X-XSRF-TOKEN': csrfToken()}})
      .then(response => response.ok ? response.blob().then(blob => save(blob, fileName(response, link)))
        : response.text().then(text => { throw new Error(refusal(response.status, text)); }))
      .catch(error => link.insertAdjacentElement('afterend', el('span',
        {class: 'shirong-download-error text-danger', 'data-download-error': link.href, role: 'alert'}, '未能下载：' + error.message)))
      .finally(() => {
        link.textContent = label;
        link.classList.remove('disabled');
        link.removeAttribute('aria-busy');
      });
  });
}

function refusal(status, text) {
  try {
    const answer = JSON.parse(text);
    return (answer.errors && answer.errors[0] && answer.errors[0].message) || answer.message || 'HTTP ' + status;
  } catch (notJson) {
    return status >= 500 ? '服务器暂时无法生成此文件，请稍后再试' : 'HTTP ' + status;
  }
}

// filename*=UTF-8''… (the Chinese name), else filename="…", else the link's last path part.
function fileName(response, link) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : link.pathname.split('/').pop();
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', {href: url, download: name, style: 'display:none'});
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// The cases behind a number, as the server counted them; it lists at most `limit` of them and says how many there are.
// Brought into view once the list is there (before, the panel was at the page's end and the list came below the fold,
// jtreview-s59 T14); “返回表格” goes back to the number that opened it (`from`).
function showList(panel, url, key, from) {
  panel.textContent = '';
  const status = el('p', {class: 'shirong-muted'}, '正在读取案件……');
  panel.appendChild(status);
  panel.scrollIntoView({block: 'start'});
  get(ROOT + url).then(list => {
    panel.insertBefore(el('h3', null, `${list.scope}：${list.figureName}`), status);
    panel.insertBefore(el('p', null, el('a', {href: '', class: 'shirong-back', onclick: event => {
      event.preventDefault();
      from.scrollIntoView({block: 'center'});
      from.focus();
    }}, '返回表格')), status);
    // a saved ranking's figures are listed as the cases stand today: said so (jtreview-s59 T12)
    if (list.note) {
      panel.insertBefore(el('p', {class: 'shirong-notice', 'data-list-note': 'true'}, list.note), status);
    }
    const shown = list.cases.length;
    status.textContent = shown < list.total
      ? `共 ${list.total} 件，此处只列出最早的 ${shown} 件` + (list.ledger ? '；全部案件请下载台账（Excel）。' : '。')
      : `共 ${list.total} 件`;
    status.className = shown < list.total ? 'shirong-cut' : 'shirong-muted';
    status.setAttribute('data-count', String(list.total));
    status.setAttribute('data-shown', String(shown));
    // a town taking part in its district's campaign gets its own rows of the ledger
    if (list.ledger) {
      panel.appendChild(el('p', null, el('a', {href: ROOT + list.ledger, class: 'btn btn-default btn-sm', download: true},
        `下载${list.scope === '全部案件' ? '本活动全部' : list.scope + '的全部'}案件台账（Excel）`)));
    }
    panel.appendChild(scrolling(el('table', {class: 'table table-condensed shirong-case-list', 'data-list': key},
      el('thead', null, el('tr', null, ['案件编号', '标题', '地址', '牵头单位', '状态', '红绿灯', '截止时间', '结案时间']
        .map(h => el('th', null, h)))),
      el('tbody', null, list.cases.map(c => el('tr', {'data-case': c.caseNo},
        el('td', null, el('a', {href: ROOT + c.url, target: '_blank'}, c.caseNo)), el('td', null, c.title),
        el('td', null, c.address || '—'), el('td', null, c.leadUnitName), el('td', null, c.statusName),
        el('td', null, c.light ? el('span', {class: 'shirong-light', style: `background:${c.colour}`, 'data-light': c.light},
          c.lightName) : '—'),
        el('td', null, dateTime(c.dueAt)), el('td', null, dateTime(c.closedAt))))))));
    panel.scrollIntoView({block: 'start'});
  }).catch(() => {
    status.textContent = '案件列表暂时无法读取';
  });
}

// A number that opens the list behind it: `url` is the line's list (…/dashboard/cases?…), `figure` what it counts.
function numberCell(panel, url, figure, value, tone) {
  return el('td', {class: 'shirong-number shirong-number-link'}, figureLink(panel, url, figure, value, tone));
}

function figureLink(panel, url, figure, value, tone) {
  return el('a', {href: '', class: 'shirong-count ' + (tone || ''),
    'data-rule': figure,
    title: `查看这 ${value} 件案件`,
    onclick: event => {
      event.preventDefault();
      showList(panel, `${url}&figure=${figure}`, figure, event.currentTarget);
    }}, String(value));
}

// Each table in a box of its own that scrolls sideways if the table is still too wide (a phone held upright): the
// page itself never does.
function scrolling(tableElement) {
  return el('div', {class: 'shirong-table-scroll'}, tableElement);
}

// A column's head breaks only where a '|' in it says (红灯|超期 → 红灯 / 超期): on a phone the heads keep their words whole
// (user-styles.css, word-break: keep-all), where narrow columns had them break one character a line (未/完/成).
// The period's 季检查 results, ranked units and those not ranked (no case due) alike: 锦溪 weighs them 0 in the totals,
// and its 季度专项工作会议 通报s them beside the ranking (jxreview-s55 J9).
function inspectionTable(ranking) {
  const inspected = ranking.inspections || [];
  if (!inspected.length) {
    // no 季检查 in the period (a month): still say what the total consists of (jxreview-s58 J2)
    return ranking.inspectionNote ? el('p', {class: 'shirong-muted shirong-inspection-note'}, ranking.inspectionNote) : null;
  }
  return el('div', {class: 'shirong-inspections'},
    el('h4', null, `${ranking.periodName}检查（季检查）得分`),
    table('shirong-inspection', ['单位', '考核|名次', '检查|得分', '评分表（得分/满分）'], inspected.map(i =>
      el('tr', {'data-unit': i.unitId}, el('td', null, i.unitName), el('td', null, i.rank === null ? '不排名' : i.rank),
        el('td', {class: 'shirong-number'}, Number(i.inspectionScore).toFixed(2)), el('td', null, i.sheets || '')))),
    el('p', {class: 'shirong-muted'}, ranking.inspectionNote || ''));
}

// The 协办 (属地街镇配合, cooperating departments) on the campaign's cases: the same lines the 通报 and the 月报 print, a unit
// that left a 协办 due in the period unrecorded named once the period is over (sjreview-s57 D7).
function cooperationTable(ranking) {
  const c = ranking.cooperation;
  if (!c) {
    return null;
  }
  const named = c.provisional ? [] : c.units.filter(u => u.failed);
  return el('div', {class: 'shirong-cooperation'},
    el('h4', null, `${c.periodName}属地街镇和协办部门配合情况` + (c.provisional ? '（暂定，截至今日）' : '')),
    c.units.length ? table('shirong-cooperation', ['单位', '协办数', '按时|完成', '逾期|完成', '未完成', '协办|按时率'], c.units.map(u =>
      el('tr', {'data-unit': u.unitId, class: !c.provisional && u.failed ? 'danger' : ''}, el('td', null, u.unitName),
        el('td', null, u.count), el('td', null, u.doneOnTime), el('td', null, u.doneLate), el('td', null, u.notDone),
        el('td', null, u.onTimeRate))))
      : el('p', {class: 'shirong-muted'}, '本期本活动案件没有到期的协办。'),
    named.length ? el('p', {class: 'shirong-notice'}, '未按期完成协办、予以通报：'
      + named.map(u => `${u.unitName}未完成协办 ${u.notDone} 件`).join('、')) : null);
}

function table(cls, heads, rows) {
  const head = h => el('th', null, h.split('|').flatMap((part, n) => (n ? [el('wbr'), part] : [part])));
  return scrolling(el('table', {class: 'table table-condensed table-bordered ' + cls},
    el('thead', null, el('tr', null, heads.map(head))), el('tbody', null, rows)));
}

// A phone held upright, as user-styles.css's narrow layout takes it.
function onPhone() {
  return window.matchMedia('(max-width: 767px)').matches;
}

// On a phone the units without a single figure are folded behind one line "其余 N 个单位均为 0", which unfolds them:
// seventeen rows of zeros stood between a leader and the ranking and the 督办 below. A desk keeps every row in place.
function foldZeroRows(rows, isZero, columns) {
  const zero = rows.filter(isZero);
  if (!onPhone() || zero.length < 2) {
    return rows;
  }
  zero.forEach(row => { row.hidden = true; });
  const fold = el('tr', {class: 'shirong-zero-fold', 'data-unit': 'zero-fold'}, el('td', {colspan: columns},
    el('a', {href: '', role: 'button', onclick: event => {
      event.preventDefault();
      zero.forEach(row => { row.hidden = false; });
      fold.remove();
    }}, `${zero.length < rows.length ? '其余 ' : ''}${zero.length} 个单位均为 0（展开）`)));
  return rows.filter(row => !isZero(row)).concat([fold], zero);
}

function chart(height) {
  return el('div', {class: 'shirong-chart', style: `height:${height}px`});
}

// Units' names along a chart's axis, slanted when they are many or the chart is narrow (a phone): level, they ran
// into each other ("城建中心市场监管所第一居委会").
function slant(box, count) {
  return count > 6 || count * 80 > box.clientWidth ? 30 : 0;
}

function drawCharts(lib, d, unitChart, rankChart, trendChart) {
  const colours = Object.assign({}, COLOURS, Object.fromEntries((d.lights || []).map(l => [l.light, l.colour])));
  const RED = colours.RED;
  const YELLOW = colours.YELLOW;
  const GREEN = colours.GREEN;
  const units = d.units.filter(u => u.open + u.closedOnTime + u.closedLate > 0 || d.units.length <= 12);
  lib.init(unitChart).setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    // every entry shown: a paged legend ("1/2") cut the green 本期按时结案 off a phone. Where the entries take two lines
    // (a phone), the bars start below the second, not under it.
    legend: {type: 'plain', data: ['红灯超期', '黄灯临期', '其他在办', '本期按时结案', '本期逾期结案'], itemGap: 8, itemWidth: 18},
    grid: {left: 40, right: 20, bottom: 60, top: unitChart.clientWidth < 540 ? 76 : 40},
    xAxis: {type: 'category', data: units.map(u => u.unitName), axisLabel: {interval: 0, rotate: slant(unitChart, units.length)}},
    yAxis: {type: 'value', minInterval: 1},
    series: [
      {name: '红灯超期', type: 'bar', stack: 'open', color: RED, data: units.map(u => u.red)},
      {name: '黄灯临期', type: 'bar', stack: 'open', color: YELLOW, data: units.map(u => u.yellow)},
      {name: '其他在办', type: 'bar', stack: 'open', color: '#7f9cbf', data: units.map(u => u.open - u.red - u.yellow)},
      {name: '本期按时结案', type: 'bar', stack: 'closed', color: GREEN, data: units.map(u => u.closedOnTime)},
      {name: '本期逾期结案', type: 'bar', stack: 'closed', color: '#8a6d3b', data: units.map(u => u.closedLate)}
    ]
  });
  const ranked = d.ranking.units;
  // On a phone the ranking lies across: units down the side, the first on top, each score at its bar's end. Standing up,
  // bars some 20 px wide under labels like "E 22.2" had the labels run into each other. A desk keeps its upright bars.
  const across = rankChart.clientWidth < 540 && ranked.length * 56 > rankChart.clientWidth;
  if (across) {
    rankChart.style.height = Math.max(280, ranked.length * 28 + 60) + 'px';
  }
  const names = {type: 'category', data: ranked.map(u => u.unitName), inverse: across,
    axisLabel: {interval: 0, rotate: across ? 0 : slant(rankChart, ranked.length)}};
  const scores = {type: 'value', max: 100};
  const line = d.ranking.noticeLine === null ? null : Number(d.ranking.noticeLine);
  lib.init(rankChart).setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    grid: across ? {left: 8, right: 48, bottom: 24, top: 30, containLabel: true} : {left: 40, right: 60, bottom: 60, top: 30},
    xAxis: across ? scores : names,
    yAxis: across ? names : scores,
    series: [{
      name: '总分', type: 'bar',
      data: ranked.map(u => ({value: Number(u.total), itemStyle: {color: u.named ? RED : GREEN}})),
      label: {show: true, position: across ? 'right' : 'top', formatter: p => `${ranked[p.dataIndex].grade || ''} ${p.value}`},
      markLine: line === null ? undefined : {
        symbol: 'none', lineStyle: {color: RED, type: 'dashed'},
        // across, the units' axis runs top-down (the first on top), so the line's start is its top end
        label: {formatter: '通报线 ' + d.ranking.noticeLine, position: across ? 'start' : 'end'},
        data: [across ? {xAxis: line} : {yAxis: line}]
      }
    }]
  });
  lib.init(trendChart).setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {type: 'scroll'},
    grid: {left: 40, right: 20, bottom: 30, top: 40},
    xAxis: {type: 'category', data: d.trend.periodNames},
    yAxis: {type: 'value', max: 100},
    series: d.trend.units.map(u => ({name: u.unitName, type: 'line', connectNulls: false,
      data: u.totals.map(v => (v === null ? null : Number(v)))}))
      .concat(d.ranking.noticeLine === null ? [] : [{name: '通报线', type: 'line', symbol: 'none', color: RED,
        lineStyle: {type: 'dashed'}, data: d.trend.periods.map(() => Number(d.ranking.noticeLine))}])
  });
}

// A unit's points of the maximum of the items that applied to it ("20/90"), of which its total is the score out of 100.
function pointsOf(u) {
  const plain = v => String(Number(v));
  return u.maxPoints === null || u.maxPoints === undefined || Number(u.maxPoints) === 0 ? '—'
    : `${plain(u.points)}/${plain(u.maxPoints)}`;
}

// ---- 责任区: the zones' rates of the period per 负责单位 against the rubric's targets, and the ladder's counts ----------

// A rate as GET /api/zones/rates gives it ({part, whole, rate, text}); red when below its target. Its count
// ("98.00%（49/50）") is a part of its own, which goes under the rate on a phone: the nine columns then fit its width.
// `href`: the unit's zones (the 责任区 page, in a new window), behind the rate (jtreview-s59 T12); `note`: what a notice rate
// leaves out (另有 5 份未到上墙期限), under it.
function rateCell(rate, target, href, note) {
  const below = rate.rate !== null && target !== null && target !== undefined && Number(rate.rate) < Number(target);
  const count = rate.text.indexOf('（');
  const figure = count > 0 ? [el('span', null, rate.text.substring(0, count)), el('span', {class: 'shirong-rate-count'}, rate.text.substring(count))]
    : [rate.text];
  return el('td', {class: 'shirong-number' + (below ? ' text-danger' : ''), 'data-rate': rate.rate === null ? '' : rate.rate},
    href && rate.whole ? el('a', {href, target: '_blank', class: below ? 'text-danger' : '', title: '查看该单位的责任区'}, figure) : figure,
    note ? el('span', {class: 'shirong-rate-note shirong-muted', 'data-note': 'true'}, note) : null);
}

function zoneChart(lib, box, z) {
  const t = z.targets;
  const targetLines = [['主要道路履责率目标', t.complianceMain], ['其他道路履责率目标', t.complianceOther],
    ['送达、上墙目标', t.delivery]].filter(([, v]) => v !== null && v !== undefined);
  const value = r => (r.rate === null ? null : Number(r.rate));
  lib.init(box).setOption({
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {type: 'scroll', data: ['履责率（主要道路）', '履责率（其他道路）', '告知书送达率', '告知书上墙率']},
    grid: {left: 40, right: 20, bottom: 60, top: 40},
    xAxis: {type: 'category', data: z.units.map(u => u.unitName), axisLabel: {interval: 0, rotate: slant(box, z.units.length)}},
    yAxis: {type: 'value', max: 100},
    series: [
      {name: '履责率（主要道路）', type: 'bar', data: z.units.map(u => value(u.complianceMain)),
        markLine: {symbol: 'none', lineStyle: {color: COLOURS.RED, type: 'dashed'},
          // The targets lie a few points apart (95–100 %): their labels would overlap; the table's 目标 row names them.
          label: {show: false},
          data: targetLines.map(([name, v]) => ({name, yAxis: Number(v)}))}},
      {name: '履责率（其他道路）', type: 'bar', data: z.units.map(u => value(u.complianceOther))},
      {name: '告知书送达率', type: 'bar', data: z.units.map(u => value(u.scoredDelivery))},
      {name: '告知书上墙率', type: 'bar', data: z.units.map(u => value(u.scoredPosting))}
    ]
  });
}

// Filled once GET /api/zones/rates answers; an organisation without zones (or a reader it refuses) shows no section.
function zoneSection(d) {
  const section = el('section', {class: 'shirong-block shirong-zones', 'data-block': 'zones'},
    el('h3', null, `${d.period.name}责任区履责与告知书`), el('p', {class: 'shirong-muted'}, '正在读取责任区指标……'));
  const url = `${API}/zones/rates?period=${encodeURIComponent(d.period.code)}`
    + `&organization=${encodeURIComponent(d.campaign.organization)}`;
  get(url).then(z => {
    if (!z.units.length) {
      section.remove();
      return;
    }
    const t = z.targets;
    const target = v => (v === null || v === undefined ? '—' : `≥ ${v}%`);
    const chartBox = chart(280);
    // a unit's zones, on the 责任区 page, behind its name and its rates; the town's line: all zones
    const zonesOf = u => `${ROOT}/shirong/zones?organization=${encodeURIComponent(d.campaign.organization)}`
      + (u.unitId ? `&unit=${encodeURIComponent(u.unitId)}` : '');
    const row = (u, cls) => el('tr', {'data-unit': u.unitId || 'total', class: cls || ''},
      el('th', null, el('a', {href: zonesOf(u), target: '_blank', 'data-zones': u.unitId || 'total'}, u.unitName)),
      el('td', {class: 'shirong-number'}, u.zones),
      rateCell(u.complianceMain, t.complianceMain, zonesOf(u)), rateCell(u.complianceOther, t.complianceOther, zonesOf(u)),
      rateCell(u.scoredDelivery, t.delivery, zonesOf(u), u.deliveryNote), rateCell(u.scoredPosting, t.posting, zonesOf(u), u.postingNote),
      el('td', {class: 'shirong-number' + (u.yellowCards ? ' yellow' : '')}, u.yellowCards),
      el('td', {class: 'shirong-number' + (u.redCards ? ' red' : '')}, u.redCards),
      el('td', {class: 'shirong-number'}, u.handedOver));
    section.replaceChildren(
      el('h3', null, `${z.periodName}责任区履责与告知书`),
      el('p', {class: 'shirong-muted', 'data-rates-basis': 'true'}, `履责率按本期日常检查（不含复查）计算；送达率、上墙率与考核得分相同，`
        + `按 ${z.edition} 年度告知书中已到送达（上墙）期限或已提前完成的计算，未到期限的和尚未发告知书的责任区在比率下注明、不计入；`
        + '黄牌、红牌为本期下达的次数，移交执法为本期移交城管的处置数。低于目标的比率标红；表中各项比率即单位考核所用的比率。点单位或比率可查看该单位的责任区。'),
      chartBox,
      table('shirong-zone-rates', ['负责|单位', '责任区', '履责率|（主要|道路）', '履责率|（其他|道路）', '告知书|送达率',
        '告知书|上墙率', '黄牌', '红牌', '移交|执法'],
      [el('tr', {'data-unit': 'target', class: 'shirong-muted'}, el('th', null, '目标'), el('td', null, ''),
        el('td', null, target(t.complianceMain)), el('td', null, target(t.complianceOther)), el('td', null, target(t.delivery)),
        el('td', null, target(t.posting)), el('td', null, ''), el('td', null, ''), el('td', null, ''))]
        .concat(z.units.map(u => row(u)), [row(z.town, 'shirong-total')])));
    echarts().then(lib => zoneChart(lib, chartBox, z)).catch(error => {
      chartBox.textContent = '图表无法显示（' + error.message + '），表格中的数字不受影响。';
    });
  }).catch(() => section.remove());
  return section;
}

// A download button, or nothing when the API gives no link: a town taking part in its district's campaign is given none
// for the district's whole scores (街镇排名), its 迎检 archive, or the scores of a month whose 通报 is not yet issued.
function downloadButton(href, cls, exportKey, label) {
  return href ? el('a', {class: 'btn btn-sm ' + cls, href: ROOT + href, download: true, 'data-export': exportKey}, label) : null;
}

// On a phone the page is some fifteen screens long and the ranking and the 督办 lay far below the units' open tasks
// (sjreview-s57 D12): a line of buttons at the top goes straight to each part. A desk, which sees more at once, has none
// (user-styles.css). Each button scrolls to its section within the page (a hash would be Cockpit's route).
const JUMPS = [['ranking', '考核排名'], ['supervision', '督办（超期案件）'], ['units', '各单位案件'], ['places', '各街镇属地案件'],
  ['tasks', '未完成的任务'], ['documents', '活动文书']];
function jumpList(node) {
  const targets = JUMPS.filter(([block]) => node.querySelector(`[data-block="${block}"]`));
  return el('nav', {class: 'shirong-jumps', 'aria-label': '跳到'}, el('span', {class: 'shirong-muted'}, '跳到：'),
    targets.map(([block, label]) => el('a', {href: '', role: 'button', class: 'btn btn-default', 'data-jump': block,
      onclick: event => {
        event.preventDefault();
        node.querySelector(`[data-block="${block}"]`).scrollIntoView({block: 'start'});
      }}, label)));
}

function renderCampaign(node, d, documents) {
  const panel = el('div', {class: 'shirong-list-panel'});
  const c = d.campaign;
  node.textContent = '';

  // A list of periods rather than <input type="month">, whose picker speaks the browser's language, not Chinese: those the
  // API offers, from the month the campaign began to this month (none before the campaign, which has nothing to count),
  // and where the template scores by quarter or year (锦溪's 季检查、年考核) its quarters and years, each kind in a group.
  const months = (d.months || []).slice();
  if (!months.some(m => m.code === d.period.code)) {
    months.push({code: d.period.code, name: d.period.name, kind: 'MONTH'});
  }
  const option = m => el('option', {value: m.code, selected: m.code === d.period.code}, m.name);
  const kinds = [['MONTH', '按月'], ['QUARTER', '按季度'], ['YEAR', '按年度']]
    .map(([kind, label]) => [label, months.filter(m => (m.kind || 'MONTH') === kind)]).filter(([, of]) => of.length);
  const periodInput = el('select', {class: 'form-control input-sm', 'aria-label': '考核期间'},
    kinds.length > 1 ? kinds.map(([label, of]) => el('optgroup', {label}, of.map(option))) : months.map(option));
  periodInput.addEventListener('change', () => {
    if (periodInput.value) {
      window.location.hash = campaignHref(c.code) + '?period=' + periodInput.value;
    }
  });
  node.appendChild(el('div', {class: 'shirong-page-head'},
    el('h2', null, c.name),
    el('div', {class: 'shirong-muted'}, `${c.organizationName}　${c.templateName || ''}　${c.statusName}`
      + (c.currentPhaseName ? `　当前阶段：第 ${c.currentPhaseNo} 阶段 ${c.currentPhaseName}` : '') + `　今天：${d.today}`),
    el('div', {class: 'shirong-actions'},
      el('label', null, kinds.length > 1 ? '考核期间 ' : '考核月份 ', periodInput),
      downloadButton(d.links.ledger, 'btn-primary', 'cases', d.participant ? '下载本街镇案件台账（Excel）' : '下载案件台账（Excel）'),
      downloadButton(d.links.periodLedger, 'btn-primary', 'period-cases', `下载${d.period.name}上报案件台账（Excel）`),
      downloadButton(d.links.scores, 'btn-primary', 'scores', `下载${d.period.name}考核得分（Excel）`),
      downloadButton(d.links.territories, 'btn-primary', 'territories', `下载${d.period.name}街镇排名（Excel）`),
      downloadButton(d.links.dossier, 'btn-default', 'dossier', d.participant ? '下载本单位案件台账（PDF）' : '下载全部案件台账（PDF）'),
      downloadButton(d.links.archive, 'btn-default', 'archive', '下载迎检档案（压缩包）'),
      // the organisation's 工作交办: 承办单位、期限、状态 and the result a town brought back (sjreview-s57 D3)
      d.links.workAssignments ? el('a', {class: 'btn btn-default btn-sm', href: ROOT + d.links.workAssignments, target: '_blank',
        'data-link': 'work-assignments'}, '工作交办（办理情况）') : null,
      el('a', {class: 'btn btn-default btn-sm', href: '#/'}, '返回概览')),
    // a town taking part in its district's campaign: what it is shown, and what the district keeps
    d.participant ? el('p', {class: 'shirong-notice', 'data-participant': d.participant.office}, d.participant.note) : null,
    // the campaign runs into a year whose working calendar is provisional: its working days and deadlines may still move
    (d.calendarWarnings || []).map(text => el('p', {class: 'alert alert-warning shirong-calendar-warning', role: 'alert'}, text))));

  node.appendChild(el('section', {class: 'shirong-block'}, el('h3', null, '活动阶段'), timeline(d.phases, d.today)));

  // 近期安排: each cycle's next run (例会、月报、检查、考核) as the engine's timers hold it (jtreview-s59 T4)
  const comingUp = d.comingUp || [];
  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'coming-up'}, el('h3', null, '近期安排'),
    comingUp.length ? el('ul', {class: 'shirong-coming-up'}, comingUp.map(c => el('li', {'data-cycle': c.cycleId}, c.text)))
      : el('p', {class: 'shirong-muted'}, '本活动已没有待进行的例会、报告、检查或考核。')));

  // Which unit has not yet done which campaign task (认领、提交方案、报送 …), those past their deadline first.
  const openTasks = d.openTasks || [];
  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'tasks'},
    el('h3', null, d.participant ? '本单位未完成的任务' : '各单位未完成的任务'),
    el('p', {class: 'shirong-muted'}, '活动下达、尚未办结的任务，以及等待办公室和领导小组办理的案件审批、督办和挂账到期复核；超过期限的标红，有超期任务的单位排在前面。'),
    openTasks.length ? table('shirong-open-tasks', ['单位', '未完成', '其中|超期', '任务|（期限）'],
      openTasks.map(u => el('tr', {'data-unit': u.unitId, class: u.overdue ? 'danger' : ''},
        el('th', null, u.unitName), el('td', {class: 'shirong-number'}, u.open),
        el('td', {class: 'shirong-number' + (u.overdue ? ' red' : '')}, u.overdue),
        el('td', null, el('ul', {class: 'shirong-task-list'}, u.tasks.map(t => el('li', {class: t.overdue ? 'text-danger' : ''},
          `${t.name}（${t.name.startsWith('挂账到期待复核') ? '复核日期' : '期限'} ${t.dueText || (t.dueAt ? dateTime(t.dueAt) : '—')}${t.overdue ? '，已超期' : ''}）`,
          // who holds it: 办理人 张队长, or 尚未认领 (jtreview-s59 T12)
          t.holder ? el('span', {class: 'shirong-task-holders shirong-muted', 'data-holder': 'true'}, ` ${t.holder}`) : null)))))))
      : el('p', null, '各单位的任务均已完成。')));

  // A district's campaign: its cases per town and street they lie in (属地).
  if ((d.places || []).length) {
    node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'places'},
      el('h3', null, d.participant ? '本街镇属地案件' : '各街镇属地案件'),
      el('p', {class: 'shirong-muted'}, '本活动位于各街镇的案件，包括区级部门牵头、属地街镇配合的点位问题和街镇自查录入、由街镇自己牵头的问题：在办、红灯、黄灯为当前件数，结案为活动以来的件数。'),
      table('shirong-places', ['街镇', '级别', '在办', '红灯|超期', '黄灯|临期', '已结案'],
        d.places.map(p => el('tr', {'data-place': p.organization, class: p.red ? 'danger' : ''},
          el('th', null, p.name), el('td', null, p.levelName || '—'), el('td', {class: 'shirong-number'}, p.open),
          el('td', {class: 'shirong-number' + (p.red ? ' red' : '')}, p.red),
          el('td', {class: 'shirong-number' + (p.yellow ? ' yellow' : '')}, p.yellow),
          el('td', {class: 'shirong-number'}, p.closed))))));
  }

  const unitRow = u => el('tr', {'data-unit': u.unitId || 'total', class: u.unitId ? '' : 'shirong-total',
    'data-zero': [u.open, u.red, u.yellow, u.closedOnTime, u.closedLate, u.returns, u.rework].every(v => !v) ? 'true' : null},
    el('th', null, u.unitName),
    numberCell(panel, u.cases, 'OPEN', u.open),
    numberCell(panel, u.cases, 'RED', u.red, u.red ? 'red' : ''),
    numberCell(panel, u.cases, 'YELLOW', u.yellow, u.yellow ? 'yellow' : ''),
    numberCell(panel, u.cases, 'CLOSED_ON_TIME', u.closedOnTime),
    numberCell(panel, u.cases, 'CLOSED_LATE', u.closedLate),
    numberCell(panel, u.cases, 'RETURNED', u.returns),
    numberCell(panel, u.cases, 'REWORKED', u.rework));
  const unitChart = chart(300);
  // A period that is over: first its cases as its 月度工作报告 printed them (新增、结案、到期超期、期末未结, the report's own
  // lines), then today's 在办 and lights, said to be today's (jtreview-s59 T5).
  const report = d.reportCases;
  const reportRow = u => el('tr', {'data-unit': u.unitId || 'total', class: u.unitId ? '' : 'shirong-total',
    'data-zero': [u.reported, u.closed, u.overdue, u.openAtEnd].every(v => !v) ? 'true' : null},
    el('th', null, u.unitName),
    numberCell(panel, u.cases, 'REPORTED', u.reported),
    numberCell(panel, u.cases, 'PERIOD_CLOSED', u.closed),
    numberCell(panel, u.cases, 'DUE_OVERDUE', u.overdue, u.overdue ? 'red' : ''),
    numberCell(panel, u.cases, 'OPEN_AT_END', u.openAtEnd));
  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'units'},
    el('h3', null, report ? `${report.periodName}各单位案件` : '各单位案件'),
    report ? [
      el('p', {class: 'shirong-muted', 'data-report-cases': 'true'}, `与${report.periodName}月度工作报告“案件办理情况”相同：`
        + `新增、结案为${report.periodName}内上报、结案的件数；到期超期为期限在${report.periodName}内、逾期结案或到期仍未结案的件数；`
        + `期末未结为${report.periodName}末尚未结案的件数。点数字可查看案件。`),
      table('shirong-report-cases', ['单位', '新增', '结案', '到期|超期', '期末|未结'],
        foldZeroRows(report.units.map(reportRow), row => row.getAttribute('data-zero') === 'true', 5)
          .concat([reportRow(report.total)])),
      el('h4', {'data-today': 'true'}, '各单位案件（在办、红灯、黄灯截至今日）')] : null,
    el('p', {class: 'shirong-muted'}, `在办、红灯、黄灯为截至今日（${d.today}）的件数；按时、逾期结案为${d.period.name}结案的件数；`
      + '回退、返工为活动以来被回退过、核查未通过而返工过的案件件数（一件回退多次只算一件）。点数字可查看案件。'),
    unitChart,
    table('shirong-units', ['单位', report ? '在办|（截至|今日）' : '在办', '红灯|超期', '黄灯|临期', '按时|结案', '逾期|结案',
      '回退|（件）', '返工|（件）'],
      foldZeroRows(d.units.map(unitRow), row => row.getAttribute('data-zero') === 'true', 8).concat([unitRow(d.total)]))));

  const rankChart = chart(280);
  const trendChart = chart(280);
  const provisional = !!d.ranking.provisional;
  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'ranking'},
    // a running month's ranking is provisional (暂定，截至今日): it names no unit, so it has no 通报 column until the month closes
    el('h3', {'data-provisional': provisional ? 'true' : 'false'},
      `${d.ranking.periodName}考核排名` + (provisional ? '（暂定，截至今日）' : '')),
    el('p', {class: 'shirong-notice'}, d.ranking.notice || ''),
    d.ranking.noticeLine === null ? null : el('p', {class: 'shirong-muted'}, provisional
      ? `本期尚未结束，期末后总分低于 ${d.ranking.noticeLine} 分（通报线）的单位予以通报`
      : `通报线：总分低于 ${d.ranking.noticeLine} 分`),
    rankChart,
    // before the period's 通报 is issued (锦溪 通报s quarterly, never monthly) a unit below the line is only 列入通报范围
    // 应结案/结案/超期 as the score counts them, each opening its cases (jtreview-s59 T12)
    table('shirong-ranking', ['名次', '单位', '总分', '得分|/满分', '等级', '应结案|/结案|/超期']
      .concat(provisional ? [] : [d.ranking.noticeIssued ? '通报' : '列入通报|范围']), d.ranking.units.map(u =>
      el('tr', {'data-unit': u.unitId, class: u.named ? 'danger' : ''}, el('td', null, u.rank), el('td', null, u.unitName),
        el('td', null, u.total), el('td', {class: 'shirong-number', title: u.basis || ''}, pointsOf(u)),
        el('td', null, u.grade || '—'),
        el('td', {class: 'shirong-number shirong-ranking-cases'}, figureLink(panel, u.cases, 'SCORED_DUE', u.dueCount), '/',
          figureLink(panel, u.cases, 'SCORED_CLOSED', u.closedCount), '/',
          figureLink(panel, u.cases, 'SCORED_OVERDUE', u.overdueCount, u.overdueCount ? 'red' : '')),
        provisional ? null : el('td', null, u.named ? (d.ranking.noticeIssued ? '通报：' : '列入通报范围：') + (u.namedFor || '') : '—')))),
    inspectionTable(d.ranking),
    cooperationTable(d.ranking),
    d.ranking.units.length ? el('p', {class: 'shirong-muted', 'data-score-basis': 'true'},
      '总分 = 本单位本期适用评分项的得分之和 ÷ 满分之和 × 100（本期没有可计算数据的评分项，如没有计入本期的案件时的案件评分项，'
      + '既不计得分也不计满分），'
      + '所以各单位的满分可以不同，失分按该满分计（见“得分/满分”）。此前已超期、期末仍未结案的案件每期都计入其单位的结案率、'
      + '按期结案率和超期数，直至结案。') : null,
    el('h4', null, `近 ${d.trend.periods.length} 个月总分走势`),
    trendChart));

  // the zones' rates are the organisation's, which a town taking part in its district's campaign does not read
  if (!d.participant) {
    node.appendChild(zoneSection(d));
  }

  // a template without plan items (九亭's) has no 整治项目 section: all its cases would be one line of 其他
  if (d.planItems.length) node.appendChild(el('section', {class: 'shirong-block'},
    el('h3', null, '各整治项目（截至今天）'),
    table('shirong-items', ['项目', '牵头|单位', '发现', '结案', '超期', '案件|台账'],
      d.planItems.concat([d.planItemTotal]).map(i => {
        const total = i === d.planItemTotal;
        return el('tr', {'data-item': total ? 'total' : i.category || 'none', class: total ? 'shirong-total' : ''},
          el('th', null, i.name), el('td', null, i.leadUnitName || '—'),
          numberCell(panel, i.cases, 'FOUND', i.found),
          numberCell(panel, i.cases, 'CLOSED', i.closed),
          numberCell(panel, i.cases, 'OVERDUE', i.overdue, i.overdue ? 'red' : ''),
          el('td', null, i.dossier ? el('a', {href: ROOT + i.dossier, download: true, 'data-dossier': total ? 'all' : i.category || 'none'},
            '下载（PDF）') : '—'));
      }))));

  // The campaign's cases on the map; a point's case opens in a new window (Cockpit's page may not be navigated from a frame).
  node.appendChild(el('section', {class: 'shirong-block'},
    el('h3', null, '案件地图'),
    el('p', {class: 'shirong-muted'}, '点击地图上的案件点位，再点案件编号，可在新窗口打开案件页面。 ',
      el('a', {href: ROOT + d.links.mapPage, target: '_blank', 'data-map-page': 'true'}, '在新窗口打开地图')),
    el('iframe', {class: 'shirong-map-frame', src: ROOT + d.links.map, title: '案件地图', loading: 'lazy'})));

  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'documents'}, el('h3', null, '活动文书'),
    documents.length ? el('ul', {class: 'shirong-documents'}, documents.map(doc => el('li', null,
      el('a', {href: ROOT + doc.url, target: '_blank'}, doc.title), el('span', {class: 'shirong-muted'},
        `　${doc.kindName}　${dateTime(doc.createdAt)}`)))) : el('p', null, '尚无文书。')));

  // 督办: the overdue cases whose 督办超期案件 task still waits in the office, then the 督办 already issued on open cases.
  // Their 属地 only for a district's campaign (one with towns and streets, d.places): a town's cases all lie in the town.
  const awaiting = d.awaitingSupervision || [];
  const districtCampaign = (d.places || []).length > 0;
  node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'supervision'},
    el('h3', null, `督办（待督办 ${awaiting.length} 件，已督办未办结 ${d.supervision.length} 件）`),
    el('h4', null, `超期待督办（${awaiting.length} 件）`),
    el('p', {class: 'shirong-muted'}, '已超过整改期限、办公室的“督办超期案件”任务尚未办理的案件。'),
    awaiting.length ? table('shirong-awaiting-supervision',
      ['案件编号', '标题', '牵头|单位', ...(districtCampaign ? ['属地'] : []), '整改|期限', '待督办|起', '通报'],
      awaiting.map(a => el('tr', {'data-case': a.caseNo, class: a.escalated ? 'danger' : ''},
        el('td', null, el('a', {href: caseHref(a.caseNo), target: '_blank'}, a.caseNo)), el('td', null, a.title),
        el('td', null, a.leadUnitName), districtCampaign ? el('td', null, a.territoryName || '—') : null,
        el('td', null, dateTime(a.dueAt)), el('td', null, dateTime(a.since)), el('td', null, a.escalated ? '已列入通报名单' : '—'))))
      : el('p', null, '没有待督办的超期案件。'),
    el('h4', null, `已督办、尚未办结（${d.supervision.length} 件）`),
    d.supervision.length ? table('shirong-supervision', ['案件编号', '标题', '牵头|单位', '督办|时间', '督办人', '督办|意见'],
      d.supervision.map(s => el('tr', {'data-case': s.caseNo},
        el('td', null, el('a', {href: caseHref(s.caseNo), target: '_blank'}, s.caseNo)), el('td', null, s.title),
        el('td', null, s.leadUnitName), el('td', null, dateTime(s.at)), el('td', null, s.by), el('td', null, s.instruction || ''))))
      : el('p', null, '没有已督办而未办结的案件。')));

  // 属地有误待核实 (sjreview-s57 D14): a district campaign's open cases whose 属地 town answered 非本镇属地; the office's
  // 核实属地 task (in its 本单位待办) is done by correcting the 属地 or keeping it on the case page.
  const disputes = d.territoryDisputes || [];
  if (districtCampaign || disputes.length) {
    node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'territory-disputes'},
      el('h3', null, `属地有误待核实（${disputes.length} 件）`),
      el('p', {class: 'shirong-muted'}, '属地街镇答复“非本镇属地”、办公室尚未更正属地或确认属地无误的案件；核实前不计入该街镇的属地排名。'),
      disputes.length ? table('shirong-territory-disputes', ['案件编号', '标题', '牵头|单位', '答复的|街镇', '街镇答复', '答复|时间', '核实|期限'],
        disputes.map(x => el('tr', {'data-case': x.caseNo, class: x.overdue ? 'danger' : ''},
          el('td', null, el('a', {href: caseHref(x.caseNo), target: '_blank'}, x.caseNo)), el('td', null, x.title),
          el('td', null, x.leadUnitName || '—'), el('td', null, x.townName), el('td', null, x.answer || ''),
          el('td', null, dateTime(x.answeredAt)), el('td', null, x.checkDueAt ? dateTime(x.checkDueAt) + (x.overdue ? '（已超期）' : '') : '—'))))
        : el('p', null, '没有属地有误待核实的案件。')));
  }

  // 通报整改报告 (sjreview-s57 D9): each 通报's named units and whether they have sent the written report it demands; a
  // report not sent by its deadline is also among the units' late tasks and named in the next 通报.
  const replies = d.noticeReplies || [];
  if (replies.length) {
    node.appendChild(el('section', {class: 'shirong-block', 'data-block': 'notice-replies'},
      el('h3', null, '通报整改报告'),
      el('p', {class: 'shirong-muted'}, '被通报的单位须在五个工作日内书面报告整改情况（各单位的“书面报告整改情况”任务）；逾期未报告的计入下一期通报的“未按期完成工作任务”。'),
      ...replies.map(r => el('div', {'data-round': r.taskName},
        el('h4', null, `${r.taskName}：已报告 ${r.replied} 个，未报告 ${r.notReplied} 个（期限 ${dateTime(r.dueAt)}）`),
        table('shirong-notice-replies', ['单位', '状态', '报告|时间', '整改情况'],
          r.units.map(u => el('tr', {'data-unit': u.unitId, class: u.status === '逾期未报告' ? 'danger' : (u.status === '逾期报告' ? 'warning' : '')},
            el('td', null, u.unitName),
            el('td', null, u.status + (u.workingDaysLate ? `（逾期 ${u.workingDaysLate} 个工作日）` : '')),
            el('td', null, u.repliedAt ? dateTime(u.repliedAt) : '—'),
            el('td', null, u.result || '—'))))))));
  }

  node.appendChild(panel);
  // under the page's head, before the phases
  node.insertBefore(jumpList(node), node.querySelector('.shirong-page-head').nextSibling);
  echarts().then(lib => drawCharts(lib, d, unitChart, rankChart, trendChart)).catch(error => {
    [unitChart, rankChart, trendChart].forEach(box => {
      box.textContent = '图表无法显示（' + error.message + '），表格中的数字不受影响。';
    });
  });
}

const pagePlugin = {
  id: 'shirong.campaignPage',
  pluginPoint: 'cockpit.route',
  properties: {path: PAGE_PATH},
  render(node) {
    const match = /#\/shirong-campaign\/([^?/]+)(?:\?(.*))?$/.exec(window.location.hash);
    const code = match ? decodeURIComponent(match[1]) : '';
    const period = match && match[2] ? new URLSearchParams(match[2]).get('period') : null;
    const box = el('div', {class: 'shirong-campaign-page'}, '正在读取活动驾驶舱……');
    node.appendChild(box);
    downloadsExplained(box);
    const url = `${API}/campaigns/${encodeURIComponent(code)}/dashboard` + (period ? '?period=' + encodeURIComponent(period) : '');
    Promise.all([get(url), get(`${API}/campaigns/${encodeURIComponent(code)}/documents`).catch(() => []), times()])
      .then(([d, documents]) => renderCampaign(box, d, documents))
      .catch(error => {
        box.textContent = error.status === 403 ? '活动驾驶舱只向办公室、领导小组组长和副组长、督导检查组以及上级监管部门开放。'
          : error.status === 404 ? '活动不存在：' + code : '活动驾驶舱暂时无法读取（' + error.message + '）。';
      });
  }
};

export default [dashboardPlugin, navigationPlugin, pagePlugin];
