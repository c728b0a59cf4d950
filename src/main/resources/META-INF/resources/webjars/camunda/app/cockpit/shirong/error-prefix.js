// Shirong: Cockpit shows a failed request's error as the script wrote it, "Error: 您没有查看此任务的权限……" (the 任务 page
// of a user the server refuses its figures, jxreview-s58 J14): the English "Error:" says nothing to staff and is left out.
const PREFIX = /^\s*Error:\s*/;

function chinese() {
  document.querySelectorAll('.notifications .notification .message, .notifications .notification').forEach(box => {
    box.childNodes.forEach(node => {
      if (node.nodeType === Node.TEXT_NODE && PREFIX.test(node.textContent)) {
        node.textContent = node.textContent.replace(PREFIX, '');
      }
    });
  });
}

new MutationObserver(chinese).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
chinese();

export default [];
