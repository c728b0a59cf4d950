// Shirong: everything staff read in Tasklist is Chinese.
// 1. Relative dates ("6 天后"): Tasklist loads the chosen locale and the fallback 'en' at the same time, and moment's
//    defineLocale/updateLocale make whichever file arrives last the global locale, so some logins showed "in 6 days".
//    The chosen language's dates are defined before the first page renders and stay chosen whatever arrives later.
// 2. Camunda Forms (form-js 1.8.7, no translation API): its messages, placeholders and the date picker are English;
//    the date picker (flatpickr) takes a Chinese locale, the rest is translated where form-js writes it into the page.
// 3. form-js writes a chosen date as the browser's locale does (2027/1/8), and beside a time as in the US (1/8/2027:
//    8 January or 1 August?): every date field writes it as the rest of Shirong does, 2027-01-08.
// 4. Tasklist's own date picker (a task's 到期 and 跟进, angular-ui-bootstrap's) wrote its month and days from Angular's
//    locale, which is English (December 2026, Sun Mon …): it writes them in Chinese (2026年12月, 周一 …), weeks from Monday.
const angular = window.angular;

let chineseDates = null;
try {
  const response = await fetch(new URL('../locales/zh.json', import.meta.url), {credentials: 'same-origin'});
  if (response.ok) {
    chineseDates = (await response.json()).dateLocales || null;
  }
} catch (e) {
  console.warn('Shirong: 无法读取中文日期格式', e); // eslint-disable-line
}

angular.module('cam.tasklist.custom').run(['moment', '$translate', '$rootScope', function(moment, $translate, $rootScope) {
  const chosen = () => $translate.preferredLanguage() || $translate.proposedLanguage() || 'zh';
  const keepChosen = () => {
    const language = chosen();
    if (moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
      moment.locale(language);
      // am-time-ago keeps the moment it made; this makes every one on the page make a new one.
      $rootScope.$broadcast('amMoment:localeChanged');
    }
  };
  ['defineLocale', 'updateLocale'].forEach(name => {
    const original = moment[name];
    moment[name] = function() {
      const result = original.apply(this, arguments);
      keepChosen();
      return result;
    };
  });
  if (chineseDates && chosen() === 'zh' && moment.locales().indexOf('zh') < 0) {
    moment.defineLocale('zh', chineseDates);
  }
  keepChosen();
}]);

const ANGULAR_DATES_ZH = {
  AMPMS: ['上午', '下午'],
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  STANDALONEMONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
};
// the picker's buttons to the month (or year) before and after, read out to screen readers
const PICKER_WORDS = [['<span class="sr-only">previous</span>', '<span class="sr-only">上一页</span>'],
  ['<span class="sr-only">next</span>', '<span class="sr-only">下一页</span>']];

angular.module('cam.tasklist.custom').config(['$provide', function($provide) {
  $provide.decorator('$locale', ['$delegate', function($locale) {
    Object.assign($locale.DATETIME_FORMATS, ANGULAR_DATES_ZH);
    return $locale;
  }]);
}]).run(['uibDatepickerConfig', '$templateCache', function(config, $templateCache) {
  Object.assign(config, {formatDayTitle: 'y年M月', formatMonthTitle: 'y年', formatMonth: 'MMM', startingDay: 1});
  ['day', 'month', 'year'].forEach(mode => {
    const name = `uib/template/datepicker/${mode}.html`;
    const template = $templateCache.get(name);
    if (typeof template === 'string') {
      $templateCache.put(name, PICKER_WORDS.reduce((text, [english, chinese]) => text.split(english).join(chinese), template));
    }
  });
}]);

const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

function chineseDatePicker() {
  if (window.flatpickr && !window.flatpickr.shirongChinese) {
    window.flatpickr.localize(FLATPICKR_ZH);
    window.flatpickr.shirongChinese = true;
  }
}

// form-js 1.8.7's own words (its validator, select, taglist, table and time input), as it writes them.
const WORDS = new Map([
  ['Field is required.', '此项必填。'],
  ['Field must be a valid email.', '请填写有效的电子邮箱地址。'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)', '请填写有效的电话号码。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '没有符合的选项'],
  ['Nothing to show.', '暂无内容。'],
  ['Remove tag', '移除'],
  ['Remove item', '删除此项'],
  ['Delete item', '删除此项'],
  ['Create new list item', '新增一项'],
  ['Toggle list item', '展开或收起'],
  ['Add new', '新增'],
  ['Date', '日期'],
  ['Time', '时间'],
  ['hh:mm', '时:分'],
  ['hh:mm ?m', '时:分']
]);
const PATTERNS = [
  // The pattern itself is a regular expression: the field's description says the format in words.
  [/^Field must match pattern [\s\S]*\.$/, () => '格式不符合要求，请按上面的说明填写。'],
  [/^Field must have minimum value of (.+)\.$/, (m, v) => `不能小于 ${v}。`],
  [/^Field must have maximum value of (.+)\.$/, (m, v) => `不能大于 ${v}。`],
  [/^Field must have minimum length of (\d+)\.$/, (m, v) => `至少填写 ${v} 个字。`],
  [/^Field must have maximum length of (\d+)\.$/, (m, v) => `最多填写 ${v} 个字。`],
  // The date input's placeholder: the browser's date format (yyyy/M/d) or, with a time beside it, mm/dd/yyyy; the date
  // is written 2027-01-08 whichever (see isoDates).
  [/^(?=.*y)(?=.*[mM])(?=.*d)[yMmd]+([./\- ]+[yMmd]+){2}$/, () => '年-月-日']
];
const SCOPE = '.fjs-container, .flatpickr-calendar';
const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function chinese(text) {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  if (WORDS.has(trimmed)) {
    return text.replace(trimmed, WORDS.get(trimmed));
  }
  for (const [pattern, replace] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replace));
    }
  }
  return null;
}

// form-js's date pickers (flatpickr, made anew when the field changes) write and read dates as 2027-01-08.
function isoDates(scope) {
  scope.querySelectorAll('.fjs-datepicker input').forEach(input => {
    const picker = input._flatpickr;
    if (!picker || picker.config.enableTime || picker.config.dateFormat === 'Y-m-d') {
      return;
    }
    picker.set('dateFormat', 'Y-m-d');
    picker.set('ariaDateFormat', 'Y年n月j日');
    if (picker.selectedDates.length) {
      picker.setDate(picker.selectedDates[0], false);
    }
  });
}

function inScope(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest(SCOPE));
}

function translateText(node) {
  const zh = chinese(node.data);
  if (zh !== null && zh !== node.data) {
    node.data = zh;
  }
}

function translateAttribute(element, name) {
  const value = element.getAttribute(name);
  const zh = value === null ? null : chinese(value);
  if (zh !== null && zh !== value) {
    element.setAttribute(name, zh);
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (inScope(root)) {
      translateText(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const scoped = root.closest(SCOPE) ? [root] : Array.from(root.querySelectorAll(SCOPE));
  for (const scope of scoped) {
    chineseDatePicker();
    isoDates(scope);
    const texts = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      translateText(texts.currentNode);
    }
    [scope, ...scope.querySelectorAll('[placeholder], [title], [aria-label]')]
      .forEach(element => ATTRIBUTES.forEach(name => translateAttribute(element, name)));
  }
}

chineseDatePicker();
new MutationObserver(records => {
  for (const record of records) {
    const container = record.target.nodeType === Node.ELEMENT_NODE && record.target.closest('.fjs-container');
    if (container) {
      isoDates(container);
    }
    if (record.type === 'characterData') {
      if (inScope(record.target)) {
        translateText(record.target);
      }
    } else if (record.type === 'attributes') {
      if (inScope(record.target)) {
        translateAttribute(record.target, record.attributeName);
      }
    } else {
      record.addedNodes.forEach(translateTree);
    }
  }
}).observe(document.documentElement, {
  subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES
});

export default [];
