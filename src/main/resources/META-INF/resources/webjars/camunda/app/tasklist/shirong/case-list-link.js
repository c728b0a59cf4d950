// Shirong: 案件列表 (/shirong/cases) in Tasklist's header: the cases the user may read, newest first, with their lights,
// lead units and 整改期限, and the 台账 to download. For a village's or community's staff it is their area's cases
// (辖区案件, jxreview-s60 J1), which gives them no task; on a phone it is in the folded header menu.
import {ROOT} from './header-buttons.js';

export default {
  id: 'shirong.caseListLink',
  pluginPoint: 'tasklist.navbar.action',
  priority: 305,
  render(node) {
    const a = document.createElement('a');
    a.className = 'shirong-case-list-link';
    a.href = `${ROOT}/shirong/cases`;
    a.title = '可查看的案件：编号、状态、红黄绿灯、牵头单位、整改期限，以及台账下载';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-list';
    icon.setAttribute('aria-hidden', 'true');
    a.appendChild(icon);
    a.appendChild(document.createTextNode(' 案件列表 '));
    node.appendChild(a);
  }
};
