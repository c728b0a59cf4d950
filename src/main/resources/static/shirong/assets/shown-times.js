// 时间按本组织工作日历的时区显示（GET /api/calendar/time-zone，与案卷、报表和通知中的时间一致），不按手机或电脑
// 自己设置的时区。Shirong 自己的页面以普通脚本引入；任务列表和驾驶舱中的脚本以 import() 引入，都用 window.ShirongTimes。
(function () {
  'use strict';
  if (window.ShirongTimes) { return; }
  var zone = null;
  var loading = null;
  var formats = {};

  // root: Shirong 的根地址（任务列表、驾驶舱中由其 app-root 得出）。读取失败（如尚未登录）时暂按设备的时区显示，
  // 下次再读。
  function load(root) {
    if (!loading) {
      loading = fetch((root || '') + '/api/calendar/time-zone', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.json();
        })
        .then(function (answer) { zone = answer.timeZone || null; }, function () { loading = null; });
    }
    return loading;
  }

  function format() {
    var key = zone || '';
    if (!formats[key]) {
      var options = { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
      if (zone) { options.timeZone = zone; }
      formats[key] = new Intl.DateTimeFormat('en-US', options);
    }
    return formats[key];
  }

  function parts(iso) {
    var p = {};
    format().formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    return p;
  }

  function pad(text) { return text.length < 2 ? '0' + text : text; }

  window.ShirongTimes = {
    load: load,
    // 2026-12-04 17:00
    dateTime: function (iso) {
      var p = parts(iso);
      return p.year + '-' + pad(p.month) + '-' + pad(p.day) + ' ' + pad(p.hour) + ':' + p.minute;
    },
    // 12月4日 17:00
    monthDayTime: function (iso) {
      var p = parts(iso);
      return p.month + '月' + p.day + '日 ' + pad(p.hour) + ':' + p.minute;
    }
  };
})();
