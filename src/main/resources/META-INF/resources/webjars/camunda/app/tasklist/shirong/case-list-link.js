// Shirong: the case list (/shirong/cases) in Tasklist's header: the cases the user may read, newest first, with their
// lights, lead units and 整改期限, and the 台账 to download. For a village's or community's staff it is their area's cases,
// labelled 辖区案件 (jxreview-s60 J1), which gives them no task; everyone else reads 案件列表. Shown once
// GET /api/cases/list-link names its label (the page's own rule, rectification/CaseListLink), not to a user it would
// list nothing for. On a phone it is in the folded header menu.
import {ROOT} from './header-buttons.js';

function label() {
  return fetch(`${ROOT}/api/cases/list-link`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json() : {})
    .then(answer => answer && typeof answer.label === 'string' ? answer.label : null)
    .catch(() => null);
}

export default {
  id: 'shirong.caseListLink',
  pluginPoint: 'tasklist.navbar.action',
  priority: 305,
  render(node) {
    const a = document.createElement('a');
    a.className = 'shirong-case-list-link';
    a.href = `${ROOT}/shirong/cases`;
    a.hidden = true;
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-list';
    icon.setAttribute('aria-hidden', 'true');
    a.appendChild(icon);
    const text = document.createElement('span');
    text.className = 'shirong-case-list-label';
    a.appendChild(text);
    node.appendChild(a);
    label().then(shown => {
      if (shown) {
        text.textContent = ` ${shown} `;
        a.title = shown === '辖区案件'
          ? '本村/本社区的案件（只读）：编号、状态、红黄绿灯、牵头单位、整改期限，以及台账下载'
          : '可查看的案件：编号、状态、红黄绿灯、牵头单位、整改期限，以及台账下载';
        a.hidden = false;
      }
    });
  }
};
