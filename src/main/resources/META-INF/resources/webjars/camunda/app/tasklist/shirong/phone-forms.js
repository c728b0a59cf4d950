// Shirong: on a phone Tasklist stacks the filters, the task list and the opened task, so a task tapped in the list
// opened one and a half screens further down, out of sight. When a task is opened on a narrow screen, this scrolls
// the task (its name, 认领 and the form) to the top of the screen, once per task opened.
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
      card.scrollIntoView({block: 'start'});
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
