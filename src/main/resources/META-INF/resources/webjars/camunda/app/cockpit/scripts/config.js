// Shirong: replaces the shipped cockpit config.js (which sets nothing else) and adds Simplified Chinese.
export default {
  app: {
    name: '驾驶舱',
    vendor: '市容'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
