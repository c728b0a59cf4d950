// Shirong: the link beside an opened task's process name goes, for a case's task, to the case page (/shirong/cases/…:
// the record, deadline, photos before and after side by side, timeline), readable by whoever may read the case.
// Tasklist's own link goes to Cockpit's process instance view, which unit staff may not open. The case is the one the
// task's name carries ("整改问题 · JT-2026-000012 · …"); other tasks keep Tasklist's link.
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');
const CASE_NO = /(?:^|\s)([A-Z]{1,8}-\d{4}-\d{6})(?:\s|$)/;
const TITLE = '在新窗口打开案件页（案件信息、整改期限、整改前后照片、办理过程）';

function relink() {
  document.querySelectorAll('[cam-tasklist-task] .names').forEach(names => {
    const link = names.querySelector('a.instance-link');
    const name = names.querySelector('h2.task');
    const match = link && name ? CASE_NO.exec(name.textContent) : null;
    if (!match) {
      return;
    }
    const href = `${ROOT}/shirong/cases/${encodeURIComponent(match[1])}`;
    if (link.getAttribute('href') === href) {
      return;
    }
    link.setAttribute('href', href);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
    link.setAttribute('title', TITLE);
    link.setAttribute('data-shirong-case', match[1]);
    // Tasklist's tooltip (跳转到实例视图) is compiled into its icon: a plain icon with the link's own title instead
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-new-window';
    icon.setAttribute('aria-hidden', 'true');
    link.replaceChildren(icon, Object.assign(document.createElement('span'), {className: 'shirong-case-link-text', textContent: '案件页'}));
  });
}

// Tasklist renders the opened task, and later another one in the same place, as data arrives: look again on each change.
new MutationObserver(relink).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['href']
});
relink();

export default [];
