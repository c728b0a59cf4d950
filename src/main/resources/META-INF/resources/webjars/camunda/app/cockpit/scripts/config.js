// Shirong: replaces the shipped cockpit config.js (which sets nothing else), adds Simplified Chinese and the
// overlay naming a campaign's own phases on its diagram (shirong/campaign-phases.js); the 活动驾驶舱
// (shirong/campaign-dashboard.js); the header's menu button named in Chinese on a phone (shirong/navigation-label.js).
export default {
  app: {
    name: '驾驶舱',
    vendor: '市容'
  },
  customScripts: [
    'shirong/campaign-phases',
    'shirong/campaign-dashboard',
    'shirong/navigation-label'
  ],
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
