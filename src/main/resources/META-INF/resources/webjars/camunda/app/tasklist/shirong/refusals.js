// Shirong: what Tasklist left behind after an action was refused (认领 by another unit, a form the server refused, …).
// 1. The red error stayed on screen until closed by hand, even after the clerk tried again and succeeded: it then said
//    the opposite of what had happened. Any later action that succeeds (claim, complete, a form submitted, a note added,
//    a process started, …) now takes the old errors away; a failed action still shows its own.
// 2. After a refused claim the 认领 button stayed disabled, on that task and on every task opened after it, until the
//    page was reloaded: Tasklist re-enables it only once the task's assignee changes, which a refusal does not. Any
//    refusal in the task's header (claim, unclaim, assign, dates) now re-enables it.
// 3. A task opened that is gone (completed by a colleague, cancelled with its process) was told in Tasklist's words
//    (此任务已办结、已撤销，或不由您所在的单位办理) with the engine's English beneath them ("No matching task with id …"), which
//    says nothing more to staff: the English is left out. Tasklist still reads it to know the task is gone.
const angular = window.angular;

// What changes a task or starts a process, as Tasklist's API client names it (task/<id>/claim, …); reading and the list
// queries sent by POST (filter/<id>/list, task/count) do not count.
const ACTION = /(^|\/)task\/(?!count(?:\?|$))[^/?]+(\/(claim|unclaim|complete|submit-form|assignee|delegate|resolve|comment\/create|identity-links(\/delete)?|variables(\/[^/?]+)?|localVariables(\/[^/?]+)?))?(\?|$)|(^|\/)(process|case)-definition\/[^?]*\/(start|submit-form)(\?|$)/;

// Tasklist's API client (camAPIHttpClient: Camunda's SDK, not $http): an action that came back without error first
// takes the red errors away, then Tasklist handles the answer as before (and may show a message of its own).
angular.module('cam.tasklist.custom').run(['camAPIHttpClient', 'Notifications', function(Client, Notifications) {
  ['post', 'put', 'del'].forEach(method => {
    const send = Client.prototype[method];
    if (typeof send !== 'function') {
      return;
    }
    Client.prototype[method] = function(path, options) {
      if (options && typeof path === 'string' && ACTION.test(path)) {
        const done = typeof options.done === 'function' ? options.done : angular.noop;
        options.done = function(error) {
          if (!error) {
            Notifications.notifications.filter(n => n.type === 'danger').forEach(n => Notifications.clear(n));
          }
          return done.apply(this, arguments);
        };
      }
      return send.apply(this, arguments);
    };
  });
}]);

// The task's header (assignee, dates): its error handler, as Tasklist passes it in, also ends the action in progress.
// Changed once, before the page is first compiled (run blocks come first).
angular.module('cam.tasklist.custom').run(['$injector', function($injector) {
  if (!$injector.has('camTasklistTaskMetaDirective')) {
    return;
  }
  $injector.get('camTasklistTaskMetaDirective').forEach(directive => {
    const link = directive.link;
    if (typeof link !== 'function') {
      return;
    }
    // Chained to the compile in place (task-dates.js's, which links once the organisation's zone is known).
    const compile = typeof directive.compile === 'function' ? directive.compile : () => link;
    directive.compile = function() {
      const linked = compile.apply(this, arguments);
      return function(scope) {
        const passedIn = scope.errorHandler;
        scope.errorHandler = function() {
          const handler = passedIn.apply(this, arguments) || angular.noop;
          return function() {
            scope.submitInProgress = false;
            return handler.apply(this, arguments);
          };
        };
        return linked.apply(this, arguments);
      };
    };
  });
}]);

// The engine's answer for a task that is gone, which Tasklist turns into its own TASK_NOT_EXIST (zh.json) above it; Tasklist
// passes it on as its data's failure ("<task> <- No matching task with id …").
const NO_SUCH_TASK = /(^|<- )No matching task with id /;

angular.module('cam.tasklist.custom').run(['Notifications', function(Notifications) {
  const addError = Notifications.addError;
  if (typeof addError !== 'function') {
    return;
  }
  Notifications.addError = function(notification) {
    if (notification && typeof notification.message === 'string' && NO_SUCH_TASK.test(notification.message)) {
      notification.message = '';
    }
    return addError.apply(this, arguments);
  };
}]);

export default [];
