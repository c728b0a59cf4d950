// Shirong: replaces the shipped admin config.js (which sets nothing else) and adds Simplified Chinese.
export default {
  app: {
    name: '管理',
    vendor: '市容'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  }
};
