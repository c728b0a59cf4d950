// Shirong: the header's app switcher (home icon) names the other apps. Camunda's header writes their English names from
// its own code ({{ app.label }}: “Cockpit”, “Tasklist”, “Admin”, “Welcome”), never the locale, so even Tasklist, whose
// zh.json says 驾驶舱, offered “Cockpit” (jtreview-s59 T16). Its template takes the name from zh.json instead
// (COCKPIT_APP 驾驶舱, TASKLIST_APP 任务列表, ADMIN_APP 管理, WELCOME_APP 欢迎). Cockpit lists this file; Tasklist, Admin and
// the welcome page list it as ../cockpit/shirong/app-names.
import {translateInHeader} from './header-text.js';

const SHOWN = '{{ app.label }}';
const TRANSLATED = '{{ (appName | uppercase) + \'_APP\' | translate }}';

translateInHeader(SHOWN, TRANSLATED);

export default [];
