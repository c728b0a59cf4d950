// Shirong: replaces the shipped cockpit config.js (which sets nothing else), adds Simplified Chinese and the
// overlay naming a campaign's own phases on its diagram (shirong/campaign-phases.js); the 活动驾驶舱
// (shirong/campaign-dashboard.js); the header's menu button named in Chinese on a phone (shirong/navigation-label.js);
// the diagram's zoom buttons named in Chinese (../tasklist/shirong/diagram-zoom.js, Tasklist's); a case's business key
// linked to its case page (shirong/business-key-link.js); a missing value written 无, not null (shirong/null-values.js);
// an error's message without the script's English “Error:” (shirong/error-prefix.js).
export default {
  app: {
    name: '驾驶舱',
    vendor: '市容'
  },
  customScripts: [
    'shirong/app-names',
    'shirong/campaign-phases',
    'shirong/campaign-dashboard',
    'shirong/navigation-label',
    '../tasklist/shirong/diagram-zoom',
    'shirong/business-key-link',
    'shirong/null-values',
    'shirong/error-prefix'
  ],
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
