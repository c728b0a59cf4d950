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
// As user-styles.css folds the filters: only there is the button, with its counts, shown.
const PHONE = '(max-width: 767px)';
// The kinds of filter the button counts the folded tasks of.
const KINDS = ['本单位待办', '已超期'];
// On a phone only the chosen filter's row stands above the tasks; the others fold away behind one button (a person in
// three groups has ten filters, which as rows took some 370 of a phone's 844 px). Picking one folds them again. The
// button says how many tasks the folded 本单位待办 lists hold and how many are 已超期, so an empty 我的待办 hides none:
// distinct tasks, a task offered to two of the person's groups once (see distinct).
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

function get(path) {
  return fetch(`${appRoot}/api/engine/engine/${encodeURIComponent(engine())}/${path}`, {
    headers: {Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
    credentials: 'same-origin'
  }).then(response => response.ok ? response.json() : Promise.reject(response.status));
}

// The folded filters whose name starts with prefix (本单位待办, 已超期), in the list's order.
function folded(scope, prefix) {
  return (scope.filters || []).filter(filter => !(scope.isFocused && scope.isFocused(filter)) && filter.name.indexOf(prefix) === 0);
}

// A filter's stored due-before instant (已超期's "now" as the server last refreshed it), in milliseconds.
function dueBefore(filter) {
  const at = filter.query && filter.query.dueBefore;
  return typeof at === 'string' ? Date.parse(at.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : NaN;
}

// How many distinct tasks the folded filters of a kind hold: a task offered to two of a person's groups stands in both
// groups' 本单位待办 (and 已超期), so the sum of their counts counts it twice and may exceed what he can open. One count
// request of the engine, with the filters' own criteria (their candidate groups, assigned tasks included, 已超期's
// stored due-before), made only where the sum could be wrong: a phone (the button), two folded filters of the kind or more.
function distinct(scope, prefix, byId) {
  const filters = folded(scope, prefix).map(filter => byId[filter.id]);
  if (filters.length < 2 || !window.matchMedia(PHONE).matches
    || filters.some(filter => !filter || !filter.query || typeof filter.query.candidateGroup !== 'string')) {
    return Promise.resolve(null);
  }
  const groups = filters.map(filter => filter.query.candidateGroup);
  let query = `task/count?includeAssignedTasks=true&candidateGroups=${encodeURIComponent(groups.join(','))}`;
  if (prefix === '已超期') {
    if (filters.some(filter => isNaN(dueBefore(filter)))) {
      return Promise.resolve(null);
    }
    // each list's instant is its last refresh; the server refreshes a list when one of its tasks falls due, so up to
    // the latest of them no task of the others fell due
    const latest = filters.reduce((max, filter) => dueBefore(filter) > dueBefore(max) ? filter : max);
    query += `&dueBefore=${encodeURIComponent(latest.query.dueBefore)}`;
  }
  const of = filters.map(filter => filter.id).join();
  return get(query).then(answer => ({of, count: answer.count})).catch(() => null);
}

function counted(scope) {
  get('filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=200')
    .then(filters => {
      const byId = {};
      filters.forEach(filter => {
        byId[filter.id] = filter;
      });
      scope.$applyAsync(() => {
        scope.shirongCounts = {};
        filters.forEach(filter => {
          scope.shirongCounts[filter.id] = filter.itemCount;
        });
      });
      return Promise.all(KINDS.map(prefix => distinct(scope, prefix, byId))).then(answers => scope.$applyAsync(() => {
        scope.shirongDistinct = {};
        KINDS.forEach((prefix, i) => {
          if (answers[i]) {
            scope.shirongDistinct[prefix] = answers[i];
          }
        });
      }));
    })
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
        scope.shirongDistinct = {};
        scope.shirongUnfolded = false;
        // the distinct tasks of the folded lists when the engine counted them for the lists folded now, else their sum
        // (one group's list, or no answer)
        const elsewhere = prefix => {
          const lists = folded(scope, prefix);
          const distinctCount = scope.shirongDistinct[prefix];
          return distinctCount && distinctCount.of === lists.map(filter => filter.id).join() ? distinctCount.count
            : lists.reduce((sum, filter) => sum + (scope.shirongCounts[filter.id] || 0), 0);
        };
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
