// Shirong: 上报问题 (/shirong/report, the phone page a patrol officer or the 12345 desk reports a problem on) in Tasklist's
// header, offered only to a user who may report: one with a source to report under (GET /api/cases/sources answers a
// non-empty list; the page and POST /api/cases check the same). On a phone Tasklist folds its header menu away, so a
// second link stays beside the menu button, as 消息 does.
import {ROOT, besideMenuButton} from './header-buttons.js';

const PAGE = `${ROOT}/shirong/report`;

function link(className, label) {
  const a = document.createElement('a');
  a.className = className;
  a.href = PAGE;
  a.title = '上报一个问题（类别、地点、现场照片），立为整改案件';
  const icon = document.createElement('span');
  icon.className = 'glyphicon glyphicon-camera';
  icon.setAttribute('aria-hidden', 'true');
  a.appendChild(icon);
  const text = document.createElement('span');
  text.className = 'shirong-report-label';
  text.textContent = label;
  a.appendChild(text);
  return a;
}

function mayReport() {
  return fetch(`${ROOT}/api/cases/sources`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : [])
    .then(sources => Array.isArray(sources) && sources.length > 0)
    .catch(() => false);
}

export default {
  id: 'shirong.reportLink',
  pluginPoint: 'tasklist.navbar.action',
  priority: 310,
  render(node) {
    const desk = link('shirong-report-link', ' 上报问题 ');
    node.appendChild(desk);
    const phone = link('shirong-report-phone', ' 上报');
    besideMenuButton(phone);
    mayReport().then(offered => {
      if (offered) {
        desk.classList.add('shirong-report-offered');
        phone.classList.add('shirong-report-offered');
      }
    });
  }
};
