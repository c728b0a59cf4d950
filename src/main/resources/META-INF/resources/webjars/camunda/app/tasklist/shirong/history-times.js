// Shirong: the 历史 tab (a task's notes and changes) dates and times them in the organisation's time zone, as the case
// page, the 驾驶舱, the messages and the documents do (shown-times.js, GET /api/calendar/time-zone), not in the zone the
// phone or PC is set to: a note written at 09:30 in 九亭 no longer reads 02:30 on a PC set to Europe, nor sits under the
// day before. Where the device's clock differs from the organisation's, the tab says which zone its times are in.
// Tasklist groups the events by the device's days and writes them with its own filters: its controller's days are
// grouped again by the organisation's days, and its template (changed once, before the first task is opened) shows them.
const angular = window.angular;

const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');

let shownTimes = null;
function times() {
  shownTimes = shownTimes || import(`${ROOT}/shirong/assets/shown-times.js`);
  return shownTimes.then(() => window.ShirongTimes.load(ROOT));
}

// Tasklist's expressions and what replaces each; the Tasklist version's own is kept until the days are regrouped.
const SHOWN = [
  ['<div ng-hide="!state.$loaded">', '<div ng-hide="!state.$loaded">\n'
    + '    <p class="shirong-zone-note" ng-if="days.length && days.zoneNote">{{ days.zoneNote }}</p>'],
  ["{{ day.date | camDate:'day' }}", "{{ day.shown ? day.shown.day : (day.date | camDate:'day') }}"],
  ["{{ day.date | camDate:'monthName' }}", "{{ day.shown ? day.shown.month + '月' : (day.date | camDate:'monthName') }}"],
  ["{{ day.date | date:'yyyy' }}", "{{ day.shown ? day.shown.year : (day.date | date:'yyyy') }}"],
  ["{{ event.time | camDate:'long' }}", "{{ event.shown ? event.shown.full : (event.time | camDate:'long') }}"],
  ["{{ event.time | date:'HH:mm' }}", "{{ event.shown ? event.shown.time : (event.time | date:'HH:mm') }}"],
  ['{{ subEvent.newValue | camDate }}', '{{ subEvent.newShown || (subEvent.newValue | camDate) }}'],
  ['{{ subEvent.orgValue | camDate }}', '{{ subEvent.orgShown || (subEvent.orgValue | camDate) }}']
];

// The events of Tasklist's days (its notes and changes, each with its instant) under the organisation's days.
function inZone(days) {
  const zoned = window.ShirongTimes;
  const zoneName = zoned.zoneName();
  const byDate = new Map();
  days.forEach(day => day.events.forEach(event => {
    const shown = zoned.fields(event.time);
    if (!byDate.has(shown.date)) {
      byDate.set(shown.date, {date: shown.date, shown, events: []});
    }
    event.shown = {time: shown.time, full: zoned.dateTime(event.time) + (zoneName ? '（' + zoneName + '）' : '')};
    (event.subEvents || []).filter(change => change.propertyIsDate).forEach(change => {
      change.newShown = change.newValue ? zoned.dateTime(change.newValue) : null;
      change.orgShown = change.orgValue ? zoned.dateTime(change.orgValue) : null;
    });
    byDate.get(shown.date).events.push(event);
  }));
  const regrouped = Array.from(byDate.values());
  regrouped.inZone = true;
  regrouped.zoneNote = zoneName && zoned.elsewhere() ? `以下时间为${zoneName}（本组织的时区），与本设备设置的时区不同。` : null;
  return regrouped;
}

angular.module('cam.tasklist.custom').run(['Views', function(Views) {
  Views.getProviders({component: 'tasklist.task.detail'})
    .filter(view => view.id === 'task-detail-history' && typeof view.template === 'string' && Array.isArray(view.controller))
    .forEach(view => {
      SHOWN.forEach(([tasklists, shirongs]) => {
        if (view.template.indexOf(tasklists) < 0) {
          console.warn('Shirong: 历史页签的模板中没有 ' + tasklists + '，该处时间仍按本设备的时区显示'); // eslint-disable-line
        }
        view.template = view.template.split(tasklists).join(shirongs);
      });
      const names = view.controller.slice(0, -1);
      const controller = view.controller[view.controller.length - 1];
      const scopeAt = names.indexOf('$scope');
      view.controller = names.concat([function(...injected) {
        controller.apply(this, injected);
        const $scope = injected[scopeAt];
        const ready = times();
        $scope.$watch('days', days => {
          if (Array.isArray(days) && !days.inZone) {
            ready.then(() => $scope.$evalAsync(() => {
              if ($scope.days === days) {
                $scope.days = inZone(days);
              }
            }));
          }
        });
      }]);
    });
}]);

export default [];
