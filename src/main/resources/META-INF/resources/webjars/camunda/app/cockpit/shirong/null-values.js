// Shirong: what a process or instance lacks reads 无, not null. Most of Cockpit's empty values go through its translations
// (zh.json's …_NULL), but the process instance page writes the missing 上级流程实例 ID as a literal "null" in its template.
function named() {
  document.querySelectorAll('span.null-value').forEach(value => {
    if (value.textContent.trim() === 'null') {
      value.textContent = '无';
    }
  });
}

new MutationObserver(named).observe(document.documentElement, {subtree: true, childList: true});
named();

export default [];
