// Shirong: on a phone the header's menu button (☰) names itself to a screen reader, and its text is in the page. Camunda's
// header writes that text untranslated ({{ toggleNavigation }}, unlike the sign-out and profile texts beside it), so where
// the page does not hand it a translated text, as Tasklist's does and Cockpit's and Admin's do not, the button read out
// CAM_WIDGET_HEADER_TOGGLE_NAVIGATION. Its template translates that text as it does the others (zh.json: 切换导航).
// Cockpit lists this file; Admin lists it as ../cockpit/shirong/navigation-label.
import {translateInHeader} from './header-text.js';

const SHOWN = '{{ toggleNavigation }}';
const TRANSLATED = '{{ toggleNavigation | translate }}';

translateInHeader(SHOWN, TRANSLATED);

export default [];
