// Shirong: replaces the shipped cockpit config.js (which sets nothing else), adds Simplified Chinese and the
// overlay naming a campaign's own phases on its diagram (shirong/campaign-phases.js).
export default {
  app: {
    name: '驾驶舱',
    vendor: '市容'
  },
  customScripts: ['shirong/campaign-phases'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
