// Shirong: replaces the shipped admin config.js (which sets nothing else), adds Simplified Chinese, names the header's
// menu button in Chinese on a phone (Cockpit's shirong/navigation-label.js, shared: Admin's header has the same gap) and
// the groups' types (shirong/group-types.js).
export default {
  app: {
    name: '管理',
    vendor: '市容'
  },
  customScripts: [
    '../cockpit/shirong/app-names',
    '../cockpit/shirong/navigation-label',
    'shirong/group-types'
  ],
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  }
};
