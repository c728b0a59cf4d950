// Shirong: on a phone the header's menu button (☰) names itself to a screen reader, and its text is in the page. Camunda's
// header writes that text untranslated ({{ toggleNavigation }}, unlike the sign-out and profile texts beside it), so where
// the page does not hand it a translated text, as Tasklist's does and Cockpit's and Admin's do not, the button read out
// CAM_WIDGET_HEADER_TOGGLE_NAVIGATION. Its template translates that text as it does the others (zh.json: 切换导航).
// Cockpit lists this file; Admin lists it as ../cockpit/shirong/navigation-label.
const angular = window.angular;
const APP = (/\/app\/([^/]+)\//.exec(window.location.pathname) || [null, 'cockpit'])[1];
const SHOWN = '{{ toggleNavigation }}';
const TRANSLATED = '{{ toggleNavigation | translate }}';

angular.module(`cam.${APP}.custom`).config(['$provide', function($provide) {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', function($delegate) {
    $delegate.filter(directive => typeof directive.template === 'string').forEach(directive => {
      directive.template = directive.template.split(SHOWN).join(TRANSLATED);
    });
    return $delegate;
  }]);
}]);

export default [];
