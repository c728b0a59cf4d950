// Shirong: replaces the shipped welcome config.js (which sets nothing else) and adds Simplified Chinese.
export default {
  app: {
    name: '欢迎',
    vendor: '市容'
  },
  customScripts: [
    '../cockpit/shirong/app-names'
  ],
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
