// 案件地图：GET /api/cases/map 的案件按红绿灯着色画在地图上。配置了瓦片服务（shirong.map.tiles）时以其为底图；
// 没有时画各组织的网格边界（config/organizations/<组织>/grids.geojson），再没有就是带比例尺的空白底图。
// 有案件点位时地图缩放到点位，没有点位时缩放到网格，都没有时显示本组织的中心（organization.yaml 的 organization.map）。
(function () {
  'use strict';
  var page = document.getElementById('case-map-page');
  if (!page) { return; }
  var campaign = page.getAttribute('data-campaign');
  var note = document.getElementById('case-map-note');
  var box = document.getElementById('case-map');
  if (!window.L) {
    // 地图组件（Leaflet）没有加载成功：说明原因，而不是留下一个空白框。
    var failed = document.createElement('p');
    failed.className = 'shirong-map-failed';
    failed.textContent = '地图组件加载失败，无法显示地图。请刷新页面重试；如仍不能显示，请联系系统管理员。';
    box.appendChild(failed);
    page.setAttribute('data-loaded', 'failed');
    return;
  }
  // 组织没有配置中心时显示全国。
  var CHINA = { lat: 35.0, lng: 104.0, zoom: 4 };
  var map = L.map(box, { attributionControl: true, zoomSnap: 0.5 });
  map.attributionControl.setPrefix(false);
  L.control.scale({ imperial: false, metric: true }).addTo(map);

  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error('读取失败（' + r.status + '）'); }
      return r.json();
    });
  }
  // also quotes: the result is put into attributes (href="…", data-case-no="…") as well as text
  function esc(text) {
    var d = document.createElement('div');
    d.textContent = text === null || text === undefined ? '' : String(text);
    return d.innerHTML.replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function when(iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return d.getFullYear() + '-' + (d.getMonth() + 1) + '-' + d.getDate();
  }

  // 嵌在驾驶舱里时，案件页在新窗口打开，而不是挤在地图框里（驾驶舱页面受沙箱限制，框内不能让整个窗口跳转）。
  var target = document.body.classList.contains('shirong-embed') ? ' target="_blank"' : '';
  var query = campaign ? '?campaign=' + encodeURIComponent(campaign) : '';
  get('/api/cases/map' + query).then(function (view) {
    var centre = view.centre || CHINA;
    map.setView([centre.lat, centre.lng], centre.zoom);
    if (view.tiles) {
      L.tileLayer(view.tiles, { maxZoom: view.maxZoom, attribution: esc(view.attribution) }).addTo(map);
    } else {
      box.classList.add('shirong-map-plain');
    }
    var gridBounds = L.latLngBounds([]);
    var pointBounds = L.latLngBounds([]);
    var grids = view.tiles ? [] : view.grids;
    var pending = grids.map(function (url) {
      return get(url).then(function (geojson) {
        var layer = L.geoJSON(geojson, {
          style: { color: '#4d6a8a', weight: 1.5, fillColor: '#dfe8f2', fillOpacity: 0.35, className: 'grid-outline' },
          onEachFeature: function (f, l) {
            var name = f.properties && (f.properties.name || f.properties.名称);
            if (name) { l.bindTooltip(esc(name), { sticky: true }); }
          }
        }).addTo(map);
        layer.bringToBack();
        gridBounds.extend(layer.getBounds());
      }).catch(function () { note.textContent = '网格图读取失败，只显示案件点位。'; });
    });
    view.points.forEach(function (p) {
      var marker = L.circleMarker([p.lat, p.lng], {
        radius: 8, color: '#ffffff', weight: 2, fillColor: p.colour, fillOpacity: 0.95, className: 'case-point'
      }).addTo(map);
      marker.bindPopup('<div class="case-popup"><a href="' + esc(p.url) + '" data-case-no="' + esc(p.caseNo) + '"' + target + '>'
        + esc(p.caseNo) + '</a><br><strong>' + esc(p.title) + '</strong><br>' + esc(p.address)
        + '<br>' + esc(p.lightName) + ' · ' + esc(p.statusName) + '<br>牵头：' + esc(p.leadUnitName)
        + '<br>期限：' + esc(when(p.dueAt)) + '</div>');
      var el = marker.getElement();
      if (el) {
        el.setAttribute('data-case-no', p.caseNo);
        el.setAttribute('data-light', p.light || '');
      }
      pointBounds.extend([p.lat, p.lng]);
    });
    Promise.all(pending).then(function () {
      var bounds = pointBounds.isValid() ? pointBounds : gridBounds;
      if (bounds.isValid()) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 }); }
      var text = '共 ' + view.points.length + ' 件案件在图上';
      if (view.withoutLocation) { text += '；另有 ' + view.withoutLocation + ' 件未记录位置，不在图上'; }
      if (view.truncated) { text += '；案件过多，只显示前 ' + view.points.length + ' 件'; }
      if (!view.tiles) { text += '。未配置地图底图，显示' + (view.grids.length ? '网格边界' : '空白底图和比例尺') + '。'; }
      note.textContent = note.textContent ? note.textContent + ' ' + text : text;
      page.setAttribute('data-loaded', String(view.points.length));
    });
  }).catch(function (e) { note.textContent = e.message; });
}());
