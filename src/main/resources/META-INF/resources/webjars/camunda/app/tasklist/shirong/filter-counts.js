// Shirong: every filter in Tasklist's list shows how many tasks it holds, not only the one selected (Tasklist counts
// just that one): a clerk whose Tasklist opens on 我的待办 (0) sees at once 本单位待办 4 and 已超期 2, the latter in red.
// The counts come from GET /filter?itemCount=true (the server keeps them cheap), when the list loads, when another
// filter is chosen and every minute while the page is open.
const angular = window.angular;
const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
const COUNTER = 'class="counter">{{ filterCount }}</span>';
const OTHERS = COUNTER + '<span ng-if="!isFocused(filter) && shirongCounts[filter.id] !== undefined"'
  + ' class="counter shirong-count" ng-class="{\'shirong-count-overdue\': shirongCounts[filter.id] > 0'
  + ' && filter.name.indexOf(\'已超期\') === 0}">{{ shirongCounts[filter.id] }}</span>';
const EVERY_MS = 60000;
// On a phone only the chosen filter's row stands above the tasks; the others fold away behind one button (a person in
// three groups has ten filters, which as rows took some 370 of a phone's 844 px). Picking one folds them again. The
// button says how many tasks the folded 本单位待办 lists hold and how many are 已超期, so an empty 我的待办 hides none.
const ROW = 'ng-class="{active: isFocused(filter)}"';
const FOLDED_ROW = 'ng-class="{active: isFocused(filter), \'shirong-folded\': !shirongUnfolded && !isFocused(filter)}"';
const UNFOLD = '<button type="button" class="btn btn-default btn-block shirong-filters-toggle" ng-show="totalItems > 1"'
  + ' ng-click="shirongUnfolded = !shirongUnfolded" aria-expanded="{{ !!shirongUnfolded }}">'
  + '{{ shirongUnfolded ? "收起其他过滤器" : "其他过滤器（" + (filters.length - 1) + "）" }}'
  + '<span ng-if="!shirongUnfolded && shirongUnitElsewhere() > 0">，本单位待办 {{ shirongUnitElsewhere() }} 件</span>'
  + '<span ng-if="!shirongUnfolded && shirongOverdueElsewhere() > 0" class="shirong-count-overdue">，已超期 {{ shirongOverdueElsewhere() }} 件</span>'
  + '</button>';

function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

function engine() {
  return (/\/app\/tasklist\/([^/]+)\//.exec(window.location.pathname) || [null, 'default'])[1];
}

function counted(scope) {
  fetch(`${appRoot}/api/engine/engine/${encodeURIComponent(engine())}/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=200`, {
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    credentials: 'same-origin'
  }).then(response => response.ok ? response.json() : [])
    .then(filters => scope.$applyAsync(() => {
      scope.shirongCounts = {};
      filters.forEach(filter => {
        scope.shirongCounts[filter.id] = filter.itemCount;
      });
    }))
    .catch(() => {}); // counts are a help: without them the list is Tasklist's own
}

angular.module('cam.tasklist.custom').config(['$provide', function($provide) {
  $provide.decorator('camTasklistFiltersDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string').forEach(directive => {
      if (directive.template.indexOf(COUNTER) < 0) {
        console.warn('Shirong: 过滤器列表的模板中没有计数，其他过滤器不显示数量'); // eslint-disable-line
        return;
      }
      directive.template = directive.template.split(COUNTER).join(OTHERS);
      if (directive.template.indexOf(ROW) < 0) {
        console.warn('Shirong: 过滤器列表的模板已变，手机上不折叠其他过滤器'); // eslint-disable-line
      } else {
        directive.template = directive.template.replace(ROW, FOLDED_ROW) + UNFOLD;
      }
      const link = directive.link;
      directive.compile = () => function(scope, ...rest) {
        if (typeof link === 'function') {
          link.call(this, scope, ...rest);
        }
        scope.shirongCounts = {};
        scope.shirongUnfolded = false;
        const elsewhere = prefix => (scope.filters || [])
          .filter(filter => !scope.isFocused(filter) && filter.name.indexOf(prefix) === 0)
          .reduce((sum, filter) => sum + (scope.shirongCounts[filter.id] || 0), 0);
        scope.shirongOverdueElsewhere = () => elsewhere('已超期');
        // a leader whose 我的待办 is empty sees that his groups' lists hold tasks (jtreview s56 T15)
        scope.shirongUnitElsewhere = () => elsewhere('本单位待办');
        scope.$watch('filters', () => counted(scope));
        scope.$watch(() => (scope.filters || []).filter(filter => scope.isFocused && scope.isFocused(filter))
          .map(filter => filter.id).join(), () => {
          scope.shirongUnfolded = false;
          counted(scope);
        });
        const timer = setInterval(() => counted(scope), EVERY_MS);
        scope.$on('$destroy', () => clearInterval(timer));
      };
    });
    return $delegate;
  }]);
}]);
