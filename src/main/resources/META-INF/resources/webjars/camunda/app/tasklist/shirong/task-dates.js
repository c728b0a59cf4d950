// Shirong: a task's 到期 and 跟进 dates read and are set in the organisation's time zone (shown-times.js, GET
// /api/calendar/time-zone, as the 历史 tab learns it), not in the zone the phone or PC is set to: on a phone set to New
// York a task due 2026-12-20 09:30 in 九亭 no longer reads 12月19日 20:30, and a day picked there is that day in 九亭.
// - the list's and the task header's tooltips write the date in the organisation's zone and name it;
// - the task header's date picker (Camunda's inline field) works on clock readings without a zone, which Tasklist makes
//   from the instant (unfixDate) and turns back into one (fixDate) in the device's zone: both use the organisation's;
//   a date not yet set opens at the organisation's now;
// - "6 天后" and the red of an overdue date compare instants (Tasklist compared its texts: 17:00+0800 after 10:00Z);
// - a date is saved on a task with a Camunda Form too (the engine refused the form's reference sent back with it).
// The task header waits for the zone before it shows the task, so a date is never read in one zone and saved in another.
const angular = window.angular;

const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');

let shownTimes = null;
function times() {
  shownTimes = shownTimes || import(`${ROOT}/shirong/assets/shown-times.js`).catch(error => {
    shownTimes = null; // a phone that lost its signal loads it again next time
    throw error;
  });
  return shownTimes.then(() => window.ShirongTimes.load(ROOT));
}

// The task header waits for the zone, but never more than a moment nor for a zone that cannot be loaded: the header
// (认领, the assignee) matters more than its dates, which then read in the device's zone.
const HEADER_WAITS_MS = 3000;
function zoneOrNot() {
  return Promise.race([times().catch(() => null), new Promise(resolve => setTimeout(resolve, HEADER_WAITS_MS))]);
}

// A clock reading without a zone, as Tasklist's date picker writes it and unfixDate makes it.
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

function zoned() {
  return window.ShirongTimes && window.ShirongTimes.known() ? window.ShirongTimes : null;
}

// Tasklist's expressions and what replaces each, per directive.
const HEADER = [
  ["uib-tooltip=\"{{ task.followUp | camDate:'long' }}\"", "uib-tooltip=\"{{ task.followUp | shirongDate:'long' }}\""],
  ["uib-tooltip=\"{{ task.due | camDate:'long' }}\"", "uib-tooltip=\"{{ task.due | shirongDate:'long' }}\""],
  ['am-time-ago="task.followUp"', 'am-time-ago="task.followUp | shirongInstant"'],
  ['am-time-ago="task.due"', 'am-time-ago="task.due | shirongInstant"'],
  ['(task.followUp < now)', '((task.followUp | shirongInstant) < now)'],
  ['(task.due < now)', '((task.due | shirongInstant) < now)'],
  // On a phone there is no tooltip: the header says which date is which, the day and hour itself, and 已超期 in red.
  ['class="glyphicon glyphicon-calendar"></span>',
    'class="glyphicon glyphicon-calendar"></span><span ng-if="task.followUp" class="shirong-date-label">跟进</span>'],
  ['class="glyphicon glyphicon-bell"></span>',
    'class="glyphicon glyphicon-bell"></span><span ng-if="task.due" class="shirong-date-label"'
    + ' ng-bind="((task.due | shirongInstant) < now) ? \'已超期，到期\' : \'到期\'"></span>'],
  ['am-time-ago="task.followUp | shirongInstant">{{ task.followUp }}</span>',
    'am-time-ago="task.followUp | shirongInstant">{{ task.followUp }}</span><span ng-if="task.followUp"'
    + ' class="shirong-date-exact">（{{ task.followUp | shirongDate:\'brief\' }}）</span>'],
  ['am-time-ago="task.due | shirongInstant">{{ task.due }}</span>',
    'am-time-ago="task.due | shirongInstant">{{ task.due }}</span><span ng-if="task.due"'
    + ' class="shirong-date-exact">（{{ task.due | shirongDate:\'brief\' }}）</span>']
];
const LIST = [
  ["uib-tooltip=\"{{ task.due | camDate:'long' }}\"", "uib-tooltip=\"{{ task.due | shirongDate:'long' }}\""],
  ["uib-tooltip=\"{{ task.followUp | camDate:'long' }}\"", "uib-tooltip=\"{{ task.followUp | shirongDate:'long' }}\""],
  ["uib-tooltip=\"{{ task.created | camDate:'long' }}\"", "uib-tooltip=\"{{ task.created | shirongDate:'long' }}\""],
  ['(task.followUp < now)', '((task.followUp | shirongInstant) < now)'],
  ['(task.due < now)', '((task.due | shirongInstant) < now)']
];

function replaced(directive, name, changes) {
  changes.forEach(([tasklists, shirongs]) => {
    if (directive.template.indexOf(tasklists) < 0) {
      console.warn(`Shirong: ${name} 的模板中没有 ${tasklists}，该处日期仍按本设备的时区显示`); // eslint-disable-line
    }
    directive.template = directive.template.split(tasklists).join(shirongs);
  });
}

const custom = angular.module('cam.tasklist.custom');

custom.config(['$provide', function($provide) {
  // An instant (2026-12-20T09:30:00.000+0800) as the organisation's clock reads it: 2026-12-20T09:30:00.
  $provide.decorator('unfixDate', ['$delegate', 'moment', function(unfixDate, moment) {
    return value => {
      const instant = value && zoned() && !WALL_CLOCK.test(value) ? moment(value, moment.ISO_8601) : null;
      return instant && instant.isValid() ? zoned().wallClock(instant.valueOf()) : unfixDate(value);
    };
  }]);
  // A clock reading of the organisation's (2026-12-22T09:30:00) as the instant it is there: 2026-12-22T09:30:00.000+0800.
  $provide.decorator('fixDate', ['$delegate', 'moment', function(fixDate, moment) {
    return value => {
      const instant = typeof value === 'string' && zoned() ? zoned().fromWallClock(value) : null;
      return instant
        ? moment(instant).utcOffset(zoned().offsetMinutes(instant)).format('YYYY-MM-DDTHH:mm:ss.SSSZZ')
        : fixDate(value);
    };
  }]);

  $provide.decorator('camTasklistTaskMetaDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string' && typeof directive.link === 'function')
      .forEach(directive => {
        replaced(directive, '任务页眉', HEADER);
        const link = directive.link;
        directive.compile = () => function(scope, element, ...rest) {
          zoneOrNot().then(() => scope.$evalAsync(() => {
            if (!scope.$$destroyed) {
              link.call(this, scope, element, ...rest);
              openAtTheOrganisationsNow(scope, element);
              fixedForStaff(element);
            }
          }));
        };
      });
    return $delegate;
  }]);

  $provide.decorator('camTasksDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string')
      .forEach(directive => replaced(directive, '任务列表', LIST));
    return $delegate;
  }]);
}]);

// A date not set yet opens the picker at the device's now: make it the organisation's now, as the picker's fields read.
function openAtTheOrganisationsNow(scope, element) {
  [['startEditingDueDate', '.due-date'], ['startEditingFollowUpDate', '.followup-date']].forEach(([start, field]) => {
    const original = scope[start];
    scope[start] = function(...args) {
      const inline = angular.element(element[0].querySelector('[cam-widget-inline-field]' + field)).isolateScope();
      if (inline && !inline.varValue && zoned()) {
        const [date, time] = zoned().wallClock(Date.now()).split('T');
        const [year, month, day] = date.split('-').map(Number);
        const [hour, minute] = time.split(':').map(Number);
        inline.formData.dateValue = new Date(year, month - 1, day, hour, minute);
      }
      return original.apply(this, args);
    };
  });
}

// Only administrators may change a task's dates (StaffCommandGuard refuses everyone else: the process sets them), so
// staff are not offered to: the dates stay readable, 设置到期日期 / 设置跟进日期 and ✕ are gone and a date does not open
// the picker (which could only end in the refusal).
let administrator = null;
function mayChangeDates() {
  administrator = administrator || fetch(`${ROOT}/api/me`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => {
      if (!response.ok) {
        throw new Error(`/api/me ${response.status}`);
      }
      return response.json();
    })
    .then(me => (me.groups || []).indexOf('camunda-admin') >= 0)
    .catch(() => {
      administrator = null; // asked again for the next task, not taken as an answer
      return false;
    });
  return administrator;
}

// Fixed at once (a clerk clicking before the answer came would pick a day only to be refused), lifted for an administrator.
function fixedForStaff(element) {
  const fields = Array.from(element[0].querySelectorAll('[cam-widget-inline-field].due-date, [cam-widget-inline-field].followup-date'));
  const inlines = fields.map(field => angular.element(field).isolateScope()).filter(Boolean);
  const editing = inlines.map(inline => inline.startEditing);
  element.addClass('shirong-dates-fixed');
  inlines.forEach(inline => {
    inline.startEditing = angular.noop;
  });
  fields.forEach(field => field.removeAttribute('tabindex'));
  mayChangeDates().then(may => {
    if (!may) {
      return;
    }
    element.removeClass('shirong-dates-fixed');
    inlines.forEach((inline, n) => {
      inline.startEditing = editing[n];
    });
    fields.forEach(field => field.setAttribute('tabindex', '0'));
  });
}

// {{ date | shirongDate:'long' }}: as camDate writes it, in the organisation's zone, which it names (中国标准时间); a
// clock reading without a zone is one of the organisation's (unfixDate made it). 'brief': 2026年12月20日 09:30, there.
custom.filter('shirongDate', ['camDateFilter', 'camDateFormat', 'moment', function(camDate, camDateFormat, moment) {
  const shown = (value, variant) => {
    const wall = typeof value === 'string' && WALL_CLOCK.test(value);
    const instant = value && !wall ? moment(value, moment.ISO_8601) : null;
    if (!value || !zoned() || (instant && !instant.isValid())) {
      return camDate(value, variant);
    }
    const reading = wall ? value : zoned().wallClock(instant.valueOf());
    if (variant === 'brief') {
      return moment.utc(reading, 'YYYY-MM-DDTHH:mm:ss').format('YYYY年M月D日 HH:mm');
    }
    const name = zoned().zoneName();
    return moment.utc(reading, 'YYYY-MM-DDTHH:mm:ss').format(camDateFormat(variant)) + (name ? `（${name}）` : '');
  };
  shown.$stateful = true;
  return shown;
}]);

// {{ date | shirongInstant }}: the instant as 2026-12-20T01:30:00.000Z (compared with Tasklist's now, counted by
// am-time-ago); a clock reading without a zone is one of the organisation's.
custom.filter('shirongInstant', ['moment', function(moment) {
  const instant = value => {
    if (!value) {
      return value;
    }
    const reading = typeof value === 'string' && WALL_CLOCK.test(value) && zoned() ? zoned().fromWallClock(value) : null;
    return (reading ? moment(reading) : moment(value, moment.ISO_8601)).toISOString();
  };
  instant.$stateful = true;
  return instant;
}]);

// Setting a date sends the task back as Tasklist read it (PUT /task/{id} replaces the task), with its Camunda Form's
// reference, which the engine's REST cannot read (400 Cannot construct instance of CamundaFormRef): no date could be set
// on any task with a form of Shirong's. The reference is the process model's, never changed by the PUT: left out.
custom.run(['camAPI', function(camAPI) {
  const tasks = camAPI.resource('task');
  const update = tasks.update;
  tasks.update = function(task, done) {
    const sent = task && task.camundaFormRef !== undefined ? Object.assign({}, task) : task;
    if (sent !== task) {
      delete sent.camundaFormRef;
    }
    return update.call(this, sent, done);
  };
}]);

// The list's tooltips read the zone once it is known: after the login, not before (no session yet). Another login on
// the same page asks again whether the user may change dates.
custom.run(['$rootScope', function($rootScope) {
  $rootScope.$watch('authentication', authentication => {
    administrator = null;
    if (authentication && authentication.name) {
      times().then(() => $rootScope.$applyAsync()).catch(angular.noop);
    }
  });
}]);

export default [];
