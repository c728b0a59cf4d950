// Shirong: 转交 by name. Tasklist's assignee field takes a login id (chengguan2), which town staff do not know: typing
// 刘 offered nothing. Beside the assignee the header now offers the colleagues the task may be handed to, by name, in a
// list a phone opens as its own picker, and 转交 hands it over as the assignee field would. Whom it offers comes from
// GET /api/tasks/{id}/colleagues, by the rule the hand-over itself is checked with (a colleague of the unit the task is
// given to); the field stays for whoever knows the id.
const angular = window.angular;
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');

const ASSIGNEE_FIELD = 'class="reset-assignee';
const PICKER = '<li class="shirong-handover" ng-if="hasAssignee() && shirongHandover.others.length">'
  + '<label class="shirong-handover-label" for="shirong-handover-{{ task.id }}">转交给</label>'
  + '<select id="shirong-handover-{{ task.id }}" class="form-control input-sm shirong-handover-select"'
  + ' ng-model="shirongHandover.to" ng-options="colleague.id as colleague.name for colleague in shirongHandover.others">'
  + '<option value="">选择同事</option></select>'
  + '<button type="button" class="btn btn-default btn-sm shirong-handover-button"'
  + ' ng-disabled="!shirongHandover.to || submitInProgress" ng-click="shirongHandOver()">转交</button></li>';

function colleagues(taskId) {
  return fetch(`${ROOT}/api/tasks/${encodeURIComponent(taskId)}/colleagues`, {
    credentials: 'same-origin', headers: {Accept: 'application/json'}
  }).then(response => response.ok ? response.json() : []).catch(() => []); // without it, the assignee field as before
}

angular.module('cam.tasklist.custom').config(['$provide', function($provide) {
  $provide.decorator('camTasklistTaskMetaDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string').forEach(directive => {
      const field = directive.template.indexOf(ASSIGNEE_FIELD);
      const end = field < 0 ? -1 : directive.template.indexOf('</li>', field);
      if (end < 0) {
        console.warn('Shirong: 任务页眉的模板中没有办理人一栏，转交不能按姓名选择同事'); // eslint-disable-line
        return;
      }
      directive.template = directive.template.slice(0, end + 5) + PICKER + directive.template.slice(end + 5);
    });
    return $delegate;
  }]);
}]);

// Chained to the compile in place (task-dates.js's links once the organisation's zone is known): the picker follows the
// task shown and its assignee.
angular.module('cam.tasklist.custom').run(['$injector', function($injector) {
  if (!$injector.has('camTasklistTaskMetaDirective')) {
    return;
  }
  $injector.get('camTasklistTaskMetaDirective').forEach(directive => {
    const link = directive.link;
    const compile = typeof directive.compile === 'function' ? directive.compile : () => link;
    directive.compile = function() {
      const linked = compile.apply(this, arguments);
      return function(scope) {
        const result = linked.apply(this, arguments);
        let all = [];
        scope.shirongHandover = {to: null, others: []};
        const offer = () => {
          const assignee = scope.task && scope.task.assignee;
          scope.shirongHandover.others = all.filter(colleague => colleague.id !== assignee);
          scope.shirongHandover.to = null;
        };
        scope.$watch('task.id', taskId => {
          all = [];
          offer();
          if (taskId) {
            colleagues(taskId).then(list => scope.$applyAsync(() => {
              if (scope.task && scope.task.id === taskId) {
                all = list;
                offer();
              }
            }));
          }
        });
        scope.$watch('task.assignee', offer);
        scope.shirongHandOver = () => {
          if (scope.shirongHandover.to && typeof scope.setAssignee === 'function') {
            scope.setAssignee(scope.shirongHandover.to);
          }
        };
        return result;
      };
    };
  });
}]);

export default [];
