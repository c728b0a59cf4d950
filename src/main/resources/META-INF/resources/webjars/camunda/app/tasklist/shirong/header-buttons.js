// Shirong: what the plugins with a button in Tasklist's header (inbox.js, report-link.js) share. Not a plugin (config.js
// does not list it): they import it, so it is loaded before either of them runs.

const appRoot = (document.querySelector('base') || {getAttribute: () => '/camunda'}).getAttribute('app-root') || '/camunda';
// Shirong's /api and pages sit beside the webapps (…/camunda): same origin, so the Tasklist session counts.
export const ROOT = appRoot.replace(/\/camunda\/?$/, '');

// On a phone Tasklist folds its header menu away: a plugin's second button stays beside the menu button.
export function besideMenuButton(button) {
  const header = document.querySelector('[cam-widget-header] .navbar-header') || document.querySelector('.navbar-header');
  if (header) {
    header.insertBefore(button, header.querySelector('.small-screen-warning'));
  }
}
