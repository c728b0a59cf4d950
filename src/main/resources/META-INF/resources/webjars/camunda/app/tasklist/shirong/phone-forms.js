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
// a slow line (or a cold server) may take long to bring the form; the clerk's own touch ends the wait at once
const WAIT_MS = 45000;
// what loads above the task after it (the list, the filters' counts, a notice) pushes it down: it is brought back
// until nothing has moved for this long, unless the page has been scrolled meanwhile
const SETTLE_MS = 2500;
const POLL_MS = 150;
const INTERACTIONS = ['touchstart', 'mousedown', 'wheel', 'keydown'];
let shownTask = null;
let touched = false;

INTERACTIONS.forEach(type => window.addEventListener(type, () => { touched = true; }, {capture: true, passive: true}));

function taskInAddress() {
  const match = /[?&]task=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function openedCard() {
  const card = document.querySelector('[cam-tasklist-task] .task-card');
  // wait for the form too: it is what the clerk came for, and its arrival moves what lies above
  const form = card && card.querySelector('form, .form-container input, .fjs-container');
  // with its 添加备注 bar, which lies above the card and would be left under the fixed header
  return card && form && card.offsetParent !== null ? (card.closest('.task-details') || card) : null;
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
  touched = false;
  const started = Date.now();
  let aligned = null;
  let scrolledTo = 0;
  let quietSince = 0;
  (function look() {
    if (taskInAddress() !== task || touched) {
      return;
    }
    const target = openedCard();
    const now = Date.now();
    if (target) {
      const top = target.getBoundingClientRect().top;
      if (aligned !== null && Math.abs(window.scrollY - scrolledTo) > 2) {
        // the page was scrolled since (by the clerk, a script of the page, or the browser keeping what is in view when
        // something above grew): it is where someone wants it
        return;
      }
      if (aligned === null || Math.abs(top - aligned) > 2) {
        // first, or what lies above moved the task with the page standing still
        target.scrollIntoView({block: 'start'});
        aligned = target.getBoundingClientRect().top;
        scrolledTo = window.scrollY;
        quietSince = now;
      } else if (now - quietSince >= SETTLE_MS) {
        return;
      }
    }
    if (now - started < WAIT_MS) {
      setTimeout(look, POLL_MS);
    }
  })();
}

// A task opened by a link on a phone stood under the filter Tasklist chose first, which is often 我的待办 (0) with its
// 没有符合过滤条件的任务。: the first screen said there was nothing to do. While a task is open and that filter's list
// is empty, the filters and the list fold away; a bar above the task says so and brings them back (for this task).
const FOLDED = 'shirong-list-folded';
let listShownFor = null;

function listIsEmpty() {
  // Tasklist's own notice for a filter without tasks is a .well without a link (the one with 重置页码 means a page too far)
  const notice = document.querySelector('.column-center [cam-tasks] .well');
  return !!notice && !notice.querySelector('a') && !document.querySelector('.column-center [cam-tasks] ol.tasks-list');
}

function chosenFilter() {
  const link = document.querySelector('.task-filters .task-filter.active h4.name a');
  const text = link ? Array.from(link.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('') : '';
  return text.trim();
}

function foldBar(column) {
  let bar = column.querySelector(':scope > .shirong-list-folded-bar');
  if (!bar) {
    bar = document.createElement('div');
    bar.className = 'shirong-list-folded-bar';
    bar.setAttribute('role', 'note');
    const text = document.createElement('span');
    text.className = 'shirong-list-folded-text';
    const show = document.createElement('button');
    show.type = 'button';
    show.className = 'btn btn-default shirong-list-show';
    show.textContent = '显示过滤器和任务列表';
    show.addEventListener('click', () => {
      listShownFor = taskInAddress();
      fold();
      window.scrollTo(0, 0);
    });
    bar.append(text, show);
    column.prepend(bar);
  }
  return bar;
}

function fold() {
  const task = taskInAddress();
  const column = document.querySelector('.column-right.task-details > .three-cols-layout-cell.content');
  const folded = NARROW.matches && !!task && task !== listShownFor && !!column && listIsEmpty();
  if (document.body.classList.contains(FOLDED) !== folded) {
    document.body.classList.toggle(FOLDED, folded);
  }
  if (folded) {
    const filter = chosenFilter();
    const text = foldBar(column).querySelector('.shirong-list-folded-text');
    const said = (filter ? `过滤器“${filter}”中` : '当前过滤器中') + '没有任务，过滤器和任务列表已收起。';
    if (text.textContent !== said) {
      text.textContent = said;
    }
  }
}

let foldPending = false;
new MutationObserver(() => {
  if (!foldPending) {
    foldPending = true;
    window.requestAnimationFrame(() => {
      foldPending = false;
      fold();
    });
  }
}).observe(document.body, {childList: true, subtree: true});
NARROW.addEventListener('change', fold);

window.addEventListener('hashchange', () => {
  if (taskInAddress() !== listShownFor) {
    listShownFor = null;
  }
  fold();
  showTask();
});
showTask();

export default [];
