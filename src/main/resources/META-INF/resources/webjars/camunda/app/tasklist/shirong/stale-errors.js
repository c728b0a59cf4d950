// Shirong: a red error that Tasklist showed for an action (认领失败, 表单提交失败, a refused note) stays on screen until
// closed by hand, even after the clerk tried again and succeeded: it then said the opposite of what had happened. Any
// later action that succeeds (claim, complete, a form submitted, a note added, a process started, …) takes the old
// errors away; a failed action still shows its own.
const angular = window.angular;

// What changes a task or starts a process; reading (GET) and the list queries sent by POST (…/list, …/count) do not count.
const ACTION = /\/task\/(?!count(?:\?|$))[^/?]+(\/(claim|unclaim|complete|submit-form|assignee|delegate|resolve|comment\/create|identity-links(\/delete)?|variables(\/[^/?]+)?|localVariables(\/[^/?]+)?))?(\?|$)|\/(process|case)-definition\/[^?]*\/(start|submit-form)(\?|$)/;

function isAction(config) {
  return config && config.method && config.method.toUpperCase() !== 'GET' && ACTION.test(config.url || '');
}

angular.module('cam.tasklist.custom').config(['$httpProvider', function($httpProvider) {
  $httpProvider.interceptors.push(['$injector', function($injector) {
    return {
      response(response) {
        if (response.status >= 200 && response.status < 300 && isAction(response.config)) {
          const notifications = $injector.get('Notifications');
          notifications.notifications.filter(n => n.type === 'danger').forEach(n => notifications.clear(n));
        }
        return response;
      }
    };
  }]);
}]);

export default [];
