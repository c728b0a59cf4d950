// Shirong: on a phone Tasklist stacks the filters, the task list and the opened task, so a task tapped in the list
// opened one and a half screens further down, out of sight. When a task is opened on a narrow screen, this scrolls
// the task (its 添加备注, name, 认领 and the form) to the top of the screen, once per task opened.
//
// Tasklist's plugin views (the task's form and tabs, the filters' counts) call $anchorScroll() each time their content
// has loaded, which, with no anchor in the address, scrolls the window to its top. On a desk that does nothing (Tasklist's
// columns scroll, not the window); on a phone the page itself scrolls (user-styles.css), and each form loaded or tab
// opened threw the clerk back up to the filters, a second after the task had been brought into view. Without an anchor
// to go to, the page now stays where it is.
const angular = window.angular;
angular.module('cam.tasklist.custom').config(['$provide', function($provide) {
  $provide.decorator('$anchorScroll', ['$delegate', '$location', function($delegate, $location) {
    const anchored = function(hash) {
      return hash === undefined && !$location.hash() ? undefined : $delegate(hash);
    };
    Object.defineProperty(anchored, 'yOffset', {get: () => $delegate.yOffset, set: value => { $delegate.yOffset = value; }});
    return anchored;
  }]);
}]);

const NARROW = window.matchMedia('(max-width: 767px)');
const WAIT_MS = 10000;
let shownTask = null;

function taskInAddress() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function showTask() {
  const task = taskInAddress();
  if (!task) {
    shownTask = null;
    return;
  }
  if (task === shownTask || !NARROW.matches) {
    return;
  }
  shownTask = task;
  const started = Date.now();
  (function look() {
    if (taskInAddress() !== task) {
      return;
    }
    const card = document.querySelector('[cam-tasklist-task] .task-card');
    // wait for the form too: it is what the clerk came for, and its arrival moves what lies above
    const form = card && card.querySelector('form, .form-container input, .fjs-container');
    if (card && form && card.offsetParent !== null) {
      // with its 添加备注 bar, which lies above the card and would be left under the fixed header
      (card.closest('.task-details') || card).scrollIntoView({block: 'start'});
      return;
    }
    if (Date.now() - started < WAIT_MS) {
      setTimeout(look, 150);
    }
  })();
}

window.addEventListener('hashchange', showTask);
showTask();

export default [];
