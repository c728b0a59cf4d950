// Shirong: the diagram's zoom buttons (Tasklist's 流程图 tab, Cockpit's process, decision and instance views) are named in
// Chinese. Camunda writes their titles into its viewers' templates in English ("zoom in", "zoom out", "reset zoom"),
// untranslated, so a supervisor pointing at them read English. Tasklist lists this file; Cockpit lists it as
// ../tasklist/shirong/diagram-zoom.
const NAMES = {'zoom in': '放大', 'zoom out': '缩小', 'reset zoom': '还原大小'};
const BUTTONS = Object.keys(NAMES).map(english => `.navigation button[title="${english}"]`).join(', ');

function named() {
  document.querySelectorAll(BUTTONS).forEach(button => {
    const chinese = NAMES[button.getAttribute('title')];
    button.setAttribute('title', chinese);
    button.setAttribute('aria-label', chinese);
  });
}

// The viewers are drawn, and drawn again, as the views change: look again on each change.
new MutationObserver(named).observe(document.documentElement, {
  subtree: true, childList: true, attributes: true, attributeFilter: ['title']
});
named();

export default [];
