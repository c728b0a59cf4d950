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

  // 本组织时区的中文名称（Asia/Shanghai：中国标准时间）；时区未读到时为 null。
  function zoneName() {
    if (!zone) { return null; }
    var name = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date())
      .filter(function (x) { return x.type === 'timeZoneName'; })[0];
    return name ? name.value : zone;
  }

  // 此刻本设备的钟点与本组织时区的是否不同（不同时，页面上的时间须注明时区，否则看的人会以为是本机时间）。
  function elsewhere() {
    if (!zone) { return false; }
    var now = new Date();
    var here = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23' }).format(now);
    return here !== format().format(now);
  }

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
    },
    // 按日期分组的页面（任务的“历史”页签）：{ date: '2026-12-04', year: '2026', month: '12', day: '04', time: '17:00' }
    fields: function (iso) {
      var p = parts(iso);
      return { date: p.year + '-' + pad(p.month) + '-' + pad(p.day), year: p.year, month: p.month, day: pad(p.day),
        time: pad(p.hour) + ':' + p.minute };
    },
    zoneName: zoneName,
    elsewhere: elsewhere
  };
})();
