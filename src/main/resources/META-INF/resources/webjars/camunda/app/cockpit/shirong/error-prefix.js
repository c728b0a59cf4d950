// Shirong: Cockpit shows a failed request's error as the script wrote it, "Error: 您没有查看此任务的权限……" (the 任务 page
// of a user the server refuses its figures, jxreview-s58 J14): the English "Error:" says nothing to staff and is left out.
// A stale link (#/process-definition/x) reads "不存在 ID 为 x 的process definition": Cockpit's resource resolver puts its own
// English resource name into the Chinese status and message (notifications-panel: .alert > strong.status, span.message),
// so the names it uses are put into Chinese (jtreview-s59 T11).
const PREFIX = /^\s*Error:\s*/;
const RESOURCES = [
  [/process definition/g, '流程定义'], [/process instance/g, '流程实例'], [/decision definition/g, '决策定义'],
  [/decision instance/g, '决策实例'], [/case definition/g, '案例定义'], [/deployment/g, '部署'], [/batch/g, '批处理']];

function chinese() {
  document.querySelectorAll('.notifications .notification .message, .notifications .notification,'
      + ' .notifications .alert .status, .notifications .alert .message').forEach(box => {
    box.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && PREFIX.test(node.textContent)) {
        node.textContent = node.textContent.replace(PREFIX, '');
      }
      if (node.nodeType === Node.TEXT_NODE && /[\u4e00-\u9fff]/.test(node.textContent)
          && RESOURCES.some(([english]) => node.textContent.search(english) >= 0)) {
        node.textContent = RESOURCES.reduce((text, [english, zh]) => text.replace(english, zh), node.textContent);
      }
    });
  });
}

new MutationObserver(chinese).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
chinese();

export default [];
