// 责任区页面：/shirong/zones 查找、列出并在地图上显示责任区（创建办可导入），/shirong/zones/{id} 显示一个责任区的档案
// （一点一档：信息、照片和按时间排列的每一条记录）。数据都从 /api/zones 读取。
(function () {
  'use strict';
  // 会话已过期，或在别的页面重新登录过（本页的令牌随之作废）
  var LOGIN_AGAIN = '登录已过期或已在其他页面重新登录：请刷新本页（必要时先在任务列表重新登录）后再提交';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  // 按本组织的时区（shown-times.js）
  function when(iso) { return iso ? window.ShirongTimes.dateTime(iso) : '—'; }
  // 拍摄时间是相机的本地时间（EXIF 不带时区），原样显示。
  function local(text) { return text ? text.replace('T', ' ').substring(0, 16) : null; }
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error('读取失败（' + r.status + '）'); }
      return r.json();
    });
  }
  function fact(dl, name, value) {
    if (value === undefined || value === null || value === '') { return; }
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, String(value)));
  }
  var LADDER = ['light-green', 'light-yellow', 'light-yellow', 'light-red'];

  // ---- 责任区档案 ----
  function filePage(root) {
    var id = root.getAttribute('data-zone-id');
    get('/api/zones/' + id + '/file').then(function (file) {
      var z = file.zone;
      var ladder = document.getElementById('zone-ladder');
      ladder.textContent = '门责：' + z.ladderLevelName;
      ladder.className = 'light-badge ' + (LADDER[z.ladderLevel] || 'light-red');
      document.getElementById('zone-notice').textContent = '告知书：' + z.noticeStatusName
        + (z.noticeEdition ? '（' + z.noticeEdition + ' 年版）' : '');
      var dl = document.getElementById('zone-record');
      fact(dl, '编号', z.zoneNo);
      fact(dl, '名称', z.holderName);
      fact(dl, '类型', z.holderTypeName);
      fact(dl, '地址', z.address);
      fact(dl, '所在道路', z.street ? z.street + '（' + z.roadClassName + '）' : z.roadClassName);
      fact(dl, '居委会/社区', z.community);
      fact(dl, '负责单位', z.ownerGroupName);
      fact(dl, '责任人', z.person);
      fact(dl, '联系电话', z.phone);
      fact(dl, '责任区范围', z.extent);
      fact(dl, '责任要求', z.duties);
      fact(dl, '位置', z.lat !== null && z.lat !== undefined ? z.lat + ', ' + z.lng : null);
      fact(dl, '状态', z.status === 'ACTIVE' ? '在册' : '已注销');

      var photos = document.getElementById('zone-photos');
      if (!file.photos.length) { photos.appendChild(el('p', 'text-muted', '还没有照片')); }
      file.photos.forEach(function (p) {
        var fig = el('figure', 'shirong-photo');
        var img = el('img');
        img.src = p.url;
        img.alt = p.kindName;
        img.loading = 'lazy';
        fig.appendChild(img);
        var cap = el('figcaption');
        cap.appendChild(el('strong', null, p.kindName));
        cap.appendChild(el('span', null, '上传：' + when(p.uploadedAt)));
        if (p.takenAt) { cap.appendChild(el('span', null, '拍摄（上传者填报）：' + local(p.takenAt))); }
        fig.appendChild(cap);
        photos.appendChild(fig);
      });

      var list = document.getElementById('zone-timeline');
      file.events.forEach(function (e) {
        var li = el('li');
        li.setAttribute('data-kind', e.kind);
        li.appendChild(el('time', null, when(e.at)));
        li.appendChild(el('strong', 'kind', e.kindName));
        if (e.actorName) { li.appendChild(el('span', 'actor', e.actorName)); }
        if (e.detail) { li.appendChild(el('div', 'detail', e.detail)); }
        if (e.photoUrl) {
          var a = el('a', 'shirong-zone-thumb');
          a.href = e.photoUrl;
          a.target = '_blank';
          var img = el('img');
          img.src = e.photoUrl;
          img.alt = e.kindName + '的照片';
          a.appendChild(img);
          li.appendChild(a);
        }
        list.appendChild(li);
      });
      document.getElementById('zone-loading').remove();
      root.setAttribute('data-loaded', String(file.events.length));
    }).catch(function (e) { document.getElementById('zone-loading').textContent = e.message; });
  }

  // ---- 查找、列表与地图 ----
  function listPage(root) {
    var organization = root.getAttribute('data-organization');
    var form = document.getElementById('zone-search');
    var body = document.querySelector('#zones-table tbody');
    var summary = document.getElementById('zones-summary');
    var more = document.getElementById('zones-more');
    var mapBox = document.getElementById('zones-map');
    var map = null;
    var layer = null;
    var page = 0;
    var SIZE = 50;

    if (window.L) {
      map = L.map(mapBox, { zoomSnap: 0.5 });
      map.attributionControl.setPrefix(false);
      // 比例尺写中文单位（米、千米）：见 leaflet-zh.js。
      L.control.scale({ imperial: false, metric: true }).addTo(map);
      map.setView([35.0, 104.0], 4);
    } else {
      mapBox.appendChild(el('p', 'shirong-map-failed', '地图组件加载失败，只显示列表。'));
    }

    function params() {
      var q = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (v) { q.append(k, v); } });
      if (organization) { q.append('organization', organization); }
      return q;
    }
    function row(z) {
      var tr = el('tr');
      tr.setAttribute('data-zone-no', z.zoneNo);
      var a = el('a', null, z.zoneNo);
      a.href = z.url;
      var first = tr.appendChild(el('td', 'zone-no'));
      first.appendChild(a);
      // 每格带上列名：手机上一行叠成“列名：内容”（pages.css），负责单位和告知书不再藏在表格右边。
      var heads = document.querySelectorAll('#zones-table thead th');
      first.setAttribute('data-label', heads[0].textContent);
      [z.holderName, z.holderTypeName, z.address, z.ownerGroupName, z.noticeStatusName, z.ladderLevelName].forEach(function (t, i) {
        var td = tr.appendChild(el('td', null, t));
        td.setAttribute('data-label', heads[i + 1].textContent);
      });
      return tr;
    }
    function list(reset) {
      if (reset) { page = 0; body.innerHTML = ''; }
      var q = params();
      q.append('page', page);
      q.append('size', SIZE);
      return get('/api/zones?' + q.toString()).then(function (r) {
        r.zones.forEach(function (z) { body.appendChild(row(z)); });
        summary.textContent = '共 ' + r.total + ' 个责任区' + (r.total > body.children.length ? '，已列出 ' + body.children.length + ' 个' : '');
        // Bootstrap 的 .btn 会盖过 hidden 属性，所以直接设 display。
        more.style.display = r.total <= body.children.length ? 'none' : '';
        root.setAttribute('data-loaded', String(r.total));
      }).catch(function (e) { summary.textContent = e.message; });
    }
    function draw() {
      if (!map) { return; }
      get('/api/zones/map?' + params().toString()).then(function (view) {
        if (layer) { map.removeLayer(layer); }
        layer = L.layerGroup().addTo(map);
        if (view.centre) { map.setView([view.centre.lat, view.centre.lng], view.centre.zoom); }
        if (view.tiles && !map.shirongTiles) {
          map.shirongTiles = L.tileLayer(view.tiles, { maxZoom: view.maxZoom, attribution: view.attribution }).addTo(map);
        } else if (!view.tiles) {
          mapBox.classList.add('shirong-map-plain');
        }
        var bounds = L.latLngBounds([]);
        view.points.forEach(function (p) {
          var m = L.circleMarker([p.lat, p.lng], { radius: 7, color: '#fff', weight: 2, fillColor: p.colour, fillOpacity: 0.95,
            className: 'zone-point' }).addTo(layer);
          if (m.getElement()) { m.getElement().setAttribute('data-zone-no', p.zoneNo); }
          var box = el('div', 'case-popup');
          var a = el('a', null, p.zoneNo + ' ' + p.holderName);
          a.href = p.url;
          box.appendChild(a);
          box.appendChild(el('div', null, p.holderTypeName + ' · ' + p.address));
          box.appendChild(el('div', null, p.ownerGroupName + ' · ' + p.state));
          m.bindPopup(box);
          bounds.extend([p.lat, p.lng]);
        });
        if (bounds.isValid()) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 }); }
        mapBox.setAttribute('data-points', String(view.points.length));
      }).catch(function () { mapBox.setAttribute('data-points', 'failed'); });
    }
    form.addEventListener('submit', function (e) { e.preventDefault(); list(true); draw(); });
    more.addEventListener('click', function () { page++; list(false); });
    list(true);
    draw();

    var importForm = document.getElementById('zone-import-form');
    if (importForm) {
      var result = document.getElementById('zone-import-result');
      importForm.addEventListener('submit', function (e) {
        e.preventDefault();
        result.innerHTML = '';
        var data = new FormData(importForm);
        var url = '/api/zones/import' + (organization ? '?organization=' + encodeURIComponent(organization) : '');
        var headers = { Accept: 'application/json' };
        var token = document.querySelector('meta[name="shirong-csrf-token"]');
        if (token) { headers['X-XSRF-TOKEN'] = token.getAttribute('content'); } // logged in to Tasklist, not by HTTP Basic
        var button = importForm.querySelector('button[type=submit]');
        button.disabled = true;
        fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: headers })
          .then(function (r) {
            return r.json().catch(function () { return {}; }).then(function (j) { return { ok: r.ok, status: r.status, body: j }; });
          })
          .then(function (r) {
            button.disabled = false;
            if (r.ok) {
              result.appendChild(el('li', 'text-success', '已登记 ' + r.body.created + ' 个责任区，跳过已登记的 ' + r.body.skipped + ' 个'));
              list(true);
              draw();
            } else {
              (r.body.errors || [{ message: r.body.message || (r.status === 401 ? LOGIN_AGAIN : '导入失败（' + r.status + '），请稍后再试') }])
                .forEach(function (x) { result.appendChild(el('li', 'text-danger', x.message)); });
            }
          }).catch(function () {
            button.disabled = false;
            result.appendChild(el('li', 'text-danger', '无法连接服务器，请检查网络后再导入'));
          });
      });
    }
  }

  var file = document.getElementById('zone-page');
  var zones = document.getElementById('zones-page');
  window.ShirongTimes.load().then(function () {
    if (file) { filePage(file); }
    if (zones) { listPage(zones); }
  });
}());
