// Shirong: replaces the shipped Tasklist config.js (keeps its shortcuts), adds Simplified Chinese and Shirong's plugins
// (shirong/*.js, one line each in customScripts).
export default {
  app: {
    name: '任务列表',
    vendor: '市容'
  },
  customScripts: [
    '../cockpit/shirong/app-names',
    'shirong/chinese',
    'shirong/inbox',
    'shirong/report-link',
    'shirong/case-list-link',
    'shirong/phone-forms',
    'shirong/case-light',
    'shirong/case-link',
    'shirong/note-writers',
    'shirong/history-times',
    'shirong/task-dates',
    'shirong/filter-counts',
    'shirong/refusals',
    'shirong/hand-over',
    'shirong/completion-notice',
    'shirong/diagram-zoom'
  ],
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开发起流程对话框'
    }
  }
};
