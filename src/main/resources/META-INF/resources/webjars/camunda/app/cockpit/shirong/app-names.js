// Shirong: the header's app switcher (home icon) names the other apps. Camunda's header writes their English names from
// its own code ({{ app.label }}: “Cockpit”, “Tasklist”, “Admin”, “Welcome”), never the locale, so even Tasklist, whose
// zh.json says 驾驶舱, offered “Cockpit” (jtreview-s59 T16). Its template takes the name from zh.json instead
// (COCKPIT_APP 驾驶舱, TASKLIST_APP 任务列表, ADMIN_APP 管理, WELCOME_APP 欢迎). Cockpit lists this file; Tasklist, Admin and
// the welcome page list it as ../cockpit/shirong/app-names.
const angular = window.angular;
const APP = (/\/app\/([^/]+)\//.exec(window.location.pathname) || [null, 'cockpit'])[1];
const SHOWN = '{{ app.label }}';
const TRANSLATED = '{{ (appName | uppercase) + \'_APP\' | translate }}';

angular.module(`cam.${APP}.custom`).config(['$provide', function($provide) {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string').forEach(directive => {
      directive.template = directive.template.split(SHOWN).join(TRANSLATED);
    });
    return $delegate;
  }]);
}]);

export default [];
