// Shirong: what the plugins that translate a text of Camunda's header share (app-names.js, navigation-label.js). Not a
// plugin (no config.js lists it): they import it, so it is loaded before either of them runs, from Cockpit's folder
// whichever app lists them.

const angular = window.angular;
const APP = (/\/app\/([^/]+)\//.exec(window.location.pathname) || [null, 'cockpit'])[1];

// The app's header template (camWidgetHeader) writes `translated` wherever Camunda's writes `shown`.
export function translateInHeader(shown, translated) {
  angular.module(`cam.${APP}.custom`).config(['$provide', function($provide) {
    $provide.decorator('camWidgetHeaderDirective', ['$delegate', function($delegate) {
      $delegate.filter(directive => typeof directive.template === 'string').forEach(directive => {
        directive.template = directive.template.split(shown).join(translated);
      });
      return $delegate;
    }]);
  }]);
}
