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
      var options = { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
        hourCycle: 'h23' };
      if (zone) { options.timeZone = zone; }
      formats[key] = new Intl.DateTimeFormat('en-US', options);
    }
    return formats[key];
  }

  // 接口写的时刻带 +0800 这样的时差（Camunda 的格式），有的浏览器（Safari）只认 +08:00。
  function instant(value) {
    if (value instanceof Date || typeof value === 'number') { return new Date(value); }
    return new Date(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  }

  function parts(iso) {
    var p = {};
    format().formatToParts(instant(iso)).forEach(function (x) { p[x.type] = x.value; });
    return p;
  }

  // 本组织时区此刻与协调世界时相差的分钟数（东八区 480）。
  function offsetMinutes(at) {
    var p = parts(at);
    var wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return Math.round((wall - Math.floor(instant(at).getTime() / 1000) * 1000) / 60000);
  }

  var WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

  // 本组织时区的钟点（2026-12-20T09:30:00，不带时差）是哪一刻；格式不对时为 null。
  function fromWallClock(text) {
    var m = WALL_CLOCK.exec(text || '');
    if (!m) { return null; }
    var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0), +((m[7] || '0') + '00').substring(0, 3));
    var guess = wall - offsetMinutes(wall) * 60000;
    return new Date(wall - offsetMinutes(guess) * 60000);
  }

  function pad(text) { return text.length < 2 ? '0' + text : text; }

  // 本组织时区的中文名称（Asia/Shanghai：中国标准时间）；时区未读到时为 null。
  // 每个时区只算一次：任务列表每行的提示在每次刷新时都要用到它（手机上逐次新建格式器很慢）。
  var zoneNames = {};
  function zoneName() {
    if (!zone) { return null; }
    if (!(zone in zoneNames)) {
      var name = new Intl.DateTimeFormat('zh-CN', { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date())
        .filter(function (x) { return x.type === 'timeZoneName'; })[0];
      zoneNames[zone] = name ? name.value : zone;
    }
    return zoneNames[zone];
  }

  // 此刻本设备的钟点与本组织时区的是否不同（不同时，页面上的时间须注明时区，否则看的人会以为是本机时间）。
  function elsewhere() {
    if (!zone) { return false; }
    var now = new Date();
    var here = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit',
      minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now);
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
    // 2026-12-04T17:00:00：本组织时区的钟点，不带时差（Camunda 的日期选择器和 unfixDate 用的写法）
    wallClock: function (iso) {
      var p = parts(iso);
      return p.year + '-' + pad(p.month) + '-' + pad(p.day) + 'T' + pad(p.hour) + ':' + p.minute + ':' + pad(p.second);
    },
    fromWallClock: fromWallClock,
    offsetMinutes: offsetMinutes,
    // 本组织的时区是否已读到（未读到时以上各项按本设备的时区）
    known: function () { return zone !== null; },
    zoneName: zoneName,
    elsewhere: elsewhere
  };
})();
