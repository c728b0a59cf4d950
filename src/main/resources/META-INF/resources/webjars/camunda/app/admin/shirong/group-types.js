// Shirong: Admin's 组 pages name a group's type in Chinese (领导小组, 办公室, 成员单位 …), as Shirong names the types it
// gives its groups (GET /api/organization/group-types), not by its code (LEADING_GROUP, OFFICE, UNIT): the list of
// groups, a user's groups and the list a user is added to groups from; on a group's page (and a new group's) the type is
// chosen by its name. A type Shirong does not name is shown as it is.
const angular = window.angular;

const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const ROOT = appRoot.replace(/\/camunda\/?$/, '');

let named = null;
let loading = null;
// Read once the administrator is logged in (before, there is no session); read again after a failure.
function load() {
  if (!loading) {
    loading = fetch(ROOT + '/api/organization/group-types', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(types => {
        named = types;
      }, () => {
        loading = null;
      });
  }
  return loading;
}

const SHOWN = '{{group.type}}';
const NAMED = '{{group.type | shirongGroupType}}';
const TYPED = /<input id="inputType"\s+name="groupType"\s+class="form-control"\s+type="text"\s+ng-model="group\.type"\s*\/>/;
const CHOSEN = '<select id="inputType" name="groupType" class="form-control" ng-model="group.type"'
  + ' ng-options="choice.type as choice.name for choice in shirongGroupTypes(group.type)"><option value=""></option></select>';

function withNames(template) {
  return template.split(SHOWN).join(NAMED).replace(TYPED, CHOSEN);
}

const custom = angular.module('cam.admin.custom');

custom.filter('shirongGroupType', function() {
  const name = type => {
    const known = named && named.find(choice => choice.type === type);
    return known ? known.name : type;
  };
  name.$stateful = true;
  return name;
});

// The add-to-groups dialog of a user's page is opened with its template.
custom.config(['$provide', function($provide) {
  $provide.decorator('$uibModal', ['$delegate', function($uibModal) {
    const open = $uibModal.open;
    $uibModal.open = function(options) {
      if (options && typeof options.template === 'string' && options.template.indexOf(SHOWN) >= 0) {
        options = angular.extend({}, options, {template: withNames(options.template)});
      }
      return open.call(this, options);
    };
    return $uibModal;
  }]);
}]);

custom.run(['$route', '$rootScope', function($route, $rootScope) {
  ['/groups', '/groups/:groupId', '/group-create', '/users/:userId'].forEach(path => {
    const route = $route.routes[path];
    if (!route || typeof route.template !== 'string') {
      console.warn('Shirong: 管理中没有页面 ' + path + '，组类型仍显示代码'); // eslint-disable-line
      return;
    }
    route.template = withNames(route.template);
  });

  // The choices of a group's page: the named types, and the group's own type if Shirong does not name it; the same
  // array while nothing changes (ng-options watches it).
  const choices = new Map();
  $rootScope.shirongGroupTypes = current => {
    const key = (named ? 'named:' : 'none:') + (current || '');
    if (!choices.has(key)) {
      const list = (named || []).slice();
      if (current && !list.some(choice => choice.type === current)) {
        list.push({type: current, name: current});
      }
      choices.set(key, list);
    }
    return choices.get(key);
  };

  $rootScope.$watch('authentication', authentication => {
    if (authentication && authentication.name) {
      load().then(() => $rootScope.$applyAsync());
    }
  });
}]);

export default [];
