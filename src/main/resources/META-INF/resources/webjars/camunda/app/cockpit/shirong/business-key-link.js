// Shirong: on a case's process instance page the business key (JT-2026-000012) links to the case page (/shirong/cases/…:
// record, deadline, photos, timeline), which a supervisor otherwise had to find by hand. The key's own text stays as
// Cockpit binds it; the link is added beside it, and follows when Cockpit shows another instance in the same place.
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');
const CASE_NO = /^([A-Z]{1,8}-\d{4}-\d{6})$/;

function linked() {
  document.querySelectorAll('dd.business-key').forEach(key => {
    const text = Array.from(key.childNodes).filter(node => node.nodeType === Node.TEXT_NODE)
      .map(node => node.textContent).join('').trim();
    const match = CASE_NO.exec(text);
    let link = key.querySelector('a.shirong-case-page');
    if (!match) {
      if (link) {
        link.remove();
      }
      return;
    }
    const href = `${ROOT}/shirong/cases/${encodeURIComponent(match[1])}`;
    if (link && link.getAttribute('href') === href) {
      return;
    }
    if (!link) {
      link = Object.assign(document.createElement('a'), {className: 'shirong-case-page', target: '_blank', rel: 'noopener',
        textContent: '案件页', title: '在新窗口打开案件页（案件信息、整改期限、照片、办理过程）'});
      key.append(' ', link);
    }
    link.setAttribute('href', href);
  });
}

new MutationObserver(linked).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
linked();

export default [];
