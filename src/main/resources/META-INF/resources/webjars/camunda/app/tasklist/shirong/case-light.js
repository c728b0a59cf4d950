// Shirong: each row of Tasklist's lists shows its traffic light, as a case does (红 已超期 / 黄 即将到期 / 绿):
//   红 — past its due date (the 已超期 filter);
//   黄 — not yet due, but past its follow-up date (for a case's tasks: the 80 % instant of its time limit, set by the
//        process) or due within DUE_SOON_HOURS (the 即将到期 filter, shirong.filters.due-soon-window, PT24H by default);
//   绿 — any other task with a due date; a task without one has no light.
// 恢复整改 (a case under 挂账, Task_ResumeCase) has no light: its clock stands still, as the case page and the cockpit show
// it; its card says 挂账 停止计时 and its 复核日期 instead of Camunda's “跟进 …前” (a version before gave it the review day
// as due date: no red from that either).
// The lists open sorted by due date and then priority (urgent cases first), so red rows lead, unless the user picked
// an order of their own; also after Tasklist moves to another list by itself (after 认领 or 完成 it opens the task in
// 我的待办 and writes its own default, 创建时间 newest first, into the address: s53 T13).
// A card's bare priority (Tasklist shows "50" with no label) is hidden; an urgent case's card (priority URGENT_PRIORITY,
// CaseTaskListener) says 紧急 instead.
const DUE_SOON_HOURS = 24;
const URGENT_PRIORITY = 80;
const LIGHTS = {
  red: '红灯 已超期',
  yellow: '黄灯 即将到期',
  green: '绿灯'
};
const TASKLIST_DEFAULT_SORTING = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const LIGHT_SORTING = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}, {sortBy: 'priority', sortOrder: 'desc'}]);

const SUSPENDED_TASK = 'Task_ResumeCase';

function light(task, now) {
  if (!task || !task.due || task.taskDefinitionKey === SUSPENDED_TASK) {
    return null;
  }
  const due = Date.parse(task.due);
  if (due < now) {
    return 'red';
  }
  const followUp = task.followUp ? Date.parse(task.followUp) : null;
  if ((followUp !== null && followUp <= now) || due - now <= DUE_SOON_HOURS * 3600 * 1000) {
    return 'yellow';
  }
  return 'green';
}

// 恢复整改's card: 挂账 停止计时 and the 复核日期 (its follow-up date, the review day's end of office hours, as the engine
// wrote it in the organisation's time), with （已过） once it has passed: the office reviews the 挂账 then (jtreview-s56 T4).
function suspendedText(task, now) {
  const text = '挂账 停止计时';
  if (!task.followUp) {
    return text;
  }
  const day = String(task.followUp).substring(0, 10);
  return text + ' · 复核日期 ' + day + (Date.parse(task.followUp) <= now ? '（已过）' : '');
}

// Tasklist writes its own default (newest first) into the address whenever it shows a list without a sorting in the
// address: when the page opens, and when it moves to another list by itself (after a claim or a completion). Each time it
// is replaced, with a navigation Tasklist follows. Once the user has touched the sorting choices (Tasklist's
// [cam-sorting-choices] in the list's header), the order is theirs and stays, the default too if they chose it.
let sortingChosen = false;
document.addEventListener('click', event => {
  if (event.target && event.target.closest && event.target.closest('[cam-sorting-choices]')) {
    sortingChosen = true;
  }
}, true);
document.addEventListener('keydown', event => {
  if (event.target && event.target.closest && event.target.closest('[cam-sorting-choices]')) {
    sortingChosen = true;
  }
}, true);
function sortByLight() {
  if (sortingChosen) {
    return;
  }
  const match = /^#\/(?:\?(.*))?$/.exec(window.location.hash);
  if (!match) {
    return;
  }
  const params = new URLSearchParams(match[1] || '');
  const sorting = params.get('sorting');
  if (!sorting) {
    return;
  }
  if (sorting === TASKLIST_DEFAULT_SORTING) {
    params.set('sorting', LIGHT_SORTING);
    // the page's own path: a bare '#…' would resolve against Tasklist's <base>
    window.location.replace(window.location.pathname + window.location.search + '#/?' + params.toString());
  }
}

// The card's priority: Tasklist shows the bare number (50 on every ordinary task, 80 on an urgent case's), which no one
// could read. Hidden; an urgent case's card says 紧急 beside the dates instead.
function labelPriority(node, task) {
  const row = node.closest('li.task');
  if (!row || !task) {
    return;
  }
  const priority = row.querySelector('.priority');
  if (priority) {
    priority.classList.add('shirong-priority-hidden');
  }
  const dates = row.querySelector('.dates');
  if (dates && !dates.querySelector('.shirong-urgent') && task.priority >= URGENT_PRIORITY) {
    const urgent = document.createElement('span');
    urgent.className = 'shirong-urgent';
    urgent.textContent = '紧急';
    urgent.title = '紧急案件（优先级 ' + task.priority + '）';
    dates.appendChild(urgent);
  }
}

export default {
  id: 'shirong.caseLight',
  pluginPoint: 'tasklist.card',
  priority: 300,
  // Tasklist hands a card plugin only the task's id; the card's scope (third argument) has the task as listed.
  render(node, data, scope) {
    sortByLight();
    const task = scope && scope.task;
    setTimeout(() => labelPriority(node, task));
    const colour = light(task, Date.now());
    if (!colour) {
      if (task && task.taskDefinitionKey === SUSPENDED_TASK) {
        setTimeout(() => {
          const dates = node.closest('li.task') && node.closest('li.task').querySelector('.dates');
          if (dates && !dates.querySelector('.shirong-suspended')) {
            const badge = document.createElement('span');
            badge.className = 'shirong-light shirong-suspended';
            badge.textContent = suspendedText(task, Date.now());
            dates.insertBefore(badge, dates.firstChild);
          }
          // Camunda's own “跟进 1 个月前” is the review day in words no unit reads as one: the badge names the day instead.
          const followUp = dates && dates.querySelector('.followup-date');
          if (followUp) {
            followUp.style.display = 'none';
          }
        });
      }
      return;
    }
    const badge = document.createElement('span');
    badge.className = 'shirong-light shirong-light-' + colour;
    badge.textContent = LIGHTS[colour];
    node.appendChild(badge);
    // The container is put into the card after render returns; the badge goes beside the dates, where the card's
    // folded details do not fade it.
    setTimeout(() => {
      const row = node.closest('li.task');
      if (!row) {
        return;
      }
      row.classList.remove('shirong-row-red', 'shirong-row-yellow', 'shirong-row-green');
      row.classList.add('shirong-row-' + colour);
      row.setAttribute('data-shirong-light', colour);
      const dates = row.querySelector('.dates');
      if (dates) {
        dates.querySelectorAll('.shirong-light').forEach(old => old.remove());
        dates.insertBefore(badge, dates.firstChild);
      }
    });
  }
};
