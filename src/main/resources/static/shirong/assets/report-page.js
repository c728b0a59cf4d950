// 上报问题页：问题类别（GET /api/categories，本组织的；选了本单位参加的上级活动时为该活动的大类）、可选的来源（GET /api/cases/sources）和进行中的活动
// （GET /api/campaigns?reportable=true：本组织可计入的，不含只是监督的下级活动）作选项；“使用当前位置”取浏览器定位；照片用任务列表整改表单的 photo-evidence.js 压缩并读出拍摄时间
// 和位置；以 multipart 提交 POST /api/cases（case 为 JSON，photos 与 photoTakenAt、photoLocation 一一对应）。
// 服务器的说明写在它所指的栏目旁；成功后显示案件编号和案件页链接。
(function () {
  'use strict';
  var root = document.getElementById('report-page');
  if (!root) { return; }
  var form = document.getElementById('report-form');
  var maxPhotos = Number(root.getAttribute('data-max-photos')) || 3;
  var categories = {};
  var photoFields = [];
  var position = null; // {lat, lng} from the browser's location, when asked for

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw told(r.status === 401 ? '登录已过期：请在任务列表重新登录后刷新本页' : '读取失败（' + r.status + '）'); }
      return r.json();
    });
  }
  function told(message) { var e = new Error(message); e.shirong = true; return e; }

  // 每个类别目录（日常巡查问题、“931”整治项目、满意度测评大类）一个 optgroup。满意度测评的大类只在来源为“满意度测评”时提供：
  // 同一个满溢的果壳箱，按巡查类别 1 个工作日整改，按测评大类“公共设施”却是 5 个工作日；测评点位问题能归入巡查类别的，
  // 选巡查类别（按其时限整改，来源仍记为满意度测评），其余的才选测评大类。类别目录只有测评大类的组织（松江区）任何来源都用它们。
  var SURVEY_GROUP = 'SURVEY';
  var SURVEY_SOURCE = 'SURVEY';
  var surveyGroup = null;

  function fillCategories(list) {
    var select = $('report-category');
    select.textContent = '';
    categories = {};
    if ($('report-sub-item')) { offerSubItems(null); }
    select.appendChild(el('option', null, '请选择问题类别')).value = '';
    var groups = {};
    list.forEach(function (c) {
      categories[c.code] = c;
      var group = groups[c.group];
      if (!group) {
        group = groups[c.group] = el('optgroup');
        group.label = c.groupName;
        group.setAttribute('data-group', c.group);
        select.appendChild(group);
      }
      group.appendChild(el('option', null, c.name)).value = c.code;
    });
    // only where the organisation has other categories too; otherwise the survey 大类 are all it has
    surveyGroup = Object.keys(groups).length > 1 ? groups[SURVEY_GROUP] || null : null;
  }

  // 类别有小项（满意度测评的 35 小项）时列出供选择（可不选），否则隐去此栏（sjreview-s57 D17）
  function offerSubItems(c) {
    var select = $('report-sub-item');
    select.textContent = '';
    select.appendChild(el('option', null, '不指定小项')).value = '';
    var items = c && c.items ? c.items : [];
    items.forEach(function (item) { select.appendChild(el('option', null, item)).value = item; });
    $('report-sub-item-group').hidden = !items.length;
  }

  function wireCategoryHint() {
    var select = $('report-category');
    select.addEventListener('change', function () {
      var c = categories[select.value];
      offerSubItems(c);
      $('report-category-hint').textContent = c && c.defaultLeadUnitName
        ? '一般由' + c.defaultLeadUnitName + '牵头，' + c.defaultLimitAmount + ' 个' + c.defaultLimitUnitName + '内整改（以派遣为准）' : '';
    });
  }

  // 街镇参加的区级活动（如松江区的满意度测评提升）只计入街镇自查发现的问题（案件仍是街镇自己的，按区的 11 大类计入活动的
  // 整治项目）：选了这样的活动，类别换成 GET /api/categories?campaign= 给出的区的大类，来源选“单位自查”；换回本组织的活动
  // 或“不属于活动”时恢复本组织的类别。
  var SELF_INSPECTION = 'SELF_INSPECTION';
  var ownCategories = [];
  var districtShown = false;
  // 每次选活动记一个序号：很快改选另一个活动时，前一个活动较晚到的类别不再覆盖后一个的（只用最后一次选择的答复）
  var campaignAsked = 0;
  function campaignChosen() {
    var code = $('report-campaign').value;
    var asked = ++campaignAsked;
    var own = {};
    ownCategories.forEach(function (c) { own[c.code] = true; });
    var load = code ? getJson('/api/categories?campaign=' + encodeURIComponent(code)) : Promise.resolve(ownCategories);
    return load.then(function (list) {
      if (asked !== campaignAsked) { return; }
      var district = list.some(function (c) { return !own[c.code]; });
      var hint = $('report-campaign-hint');
      if (district) {
        var source = $('report-source');
        var self = source.querySelector('option[value="' + SELF_INSPECTION + '"]');
        if (self) { source.value = SELF_INSPECTION; }
        hint.textContent = '这是本单位参加的上级活动：只计入本单位自查发现的问题，来源为“' + (self ? self.textContent : '单位自查')
          + '”，问题类别为活动的大类；案件仍是本单位自己的案件，按本单位的派遣规则办理，并计入该活动。';
      } else {
        hint.textContent = '';
      }
      if (district || districtShown) {
        fillCategories(district ? list : ownCategories);
        $('report-category-hint').textContent = '';
      }
      districtShown = district;
      offerCategoriesOf($('report-source').value);
    }).catch(function (e) {
      if (asked !== campaignAsked) { return; }
      $('report-campaign-hint').textContent = e && e.shirong ? e.message : '读取该活动的问题类别失败，请检查网络后重选活动';
    });
  }

  // 满意度测评大类放在其他类别之后，只在来源为满意度测评时列出；换成别的来源时，已选的测评大类随之清除。
  function offerCategoriesOf(source) {
    if (!surveyGroup) { return; }
    var select = $('report-category');
    var survey = source === SURVEY_SOURCE;
    if (survey && surveyGroup.parentNode !== select) {
      select.appendChild(surveyGroup);
    } else if (!survey && surveyGroup.parentNode === select) {
      var chosen = categories[select.value];
      select.removeChild(surveyGroup);
      if (chosen && chosen.group === SURVEY_GROUP) {
        select.value = '';
        offerSubItems(null);
        $('report-category-hint').textContent = '';
      }
    }
    $('report-source-hint').textContent = survey
      ? '测评点位问题能归入上面的巡查类别的（如果壳箱满溢、暴露垃圾），请选该类别，按其时限整改；其余问题选“' + surveyGroup.label + '”中的大类。'
      : '';
  }

  function fillSources(list) {
    var select = $('report-source');
    list.forEach(function (s) { select.appendChild(el('option', null, s.name)).value = s.code; });
    select.addEventListener('change', function () { offerCategoriesOf(select.value); });
    offerCategoriesOf(select.value);
  }

  // 本组织只有一个进行中的活动时（页面的 data-default）预先选中它，上报人仍可改选“不属于活动”；“再报一件”时同样选中
  function fillCampaigns(list) {
    var select = $('report-campaign');
    var preselected = select.getAttribute('data-default');
    list.filter(function (c) { return c.status === 'RUNNING'; }).forEach(function (c) {
      var option = select.appendChild(el('option', null, c.name + '（' + c.code + '）'));
      option.value = c.code;
      if (preselected && c.code === preselected) { option.selected = true; option.defaultSelected = true; }
    });
    select.addEventListener('change', campaignChosen);
  }

  // 浏览器定位（手机须允许本网站使用位置信息）；得到的坐标随案件上报，地址仍由上报人填写。
  function locate() {
    var shown = $('report-position');
    if (!navigator.geolocation) { shown.textContent = '此浏览器不能定位，请填写地址'; return; }
    shown.textContent = '正在定位……';
    navigator.geolocation.getCurrentPosition(function (p) {
      position = { lat: Math.round(p.coords.latitude * 1e6) / 1e6, lng: Math.round(p.coords.longitude * 1e6) / 1e6 };
      shown.textContent = '已定位：' + position.lat.toFixed(5) + ', ' + position.lng.toFixed(5)
        + (p.coords.accuracy ? '（误差约 ' + Math.round(p.coords.accuracy) + ' 米）' : '');
    }, function (e) {
      position = null;
      shown.textContent = e && e.code === 1 ? '未允许定位：请在浏览器设置中允许本网站使用位置，或只填写地址'
        : '定位失败，请稍后再试或只填写地址';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }

  function slot(n) { return root.querySelector('[data-photo="' + n + '"]'); }
  function hasPhoto(n) { var f = $('photo' + n).files; return !!(f && f.length); }
  // 已选照片（处理中或已处理好）的位置显示预览；下一张照片的位置在前面各张都选好后出现。
  function chosen(n) { return !$('photo' + n + 'Preview').hidden; }
  function showNextSlot() {
    for (var n = 1; n <= maxPhotos; n++) {
      var s = slot(n);
      s.querySelector('.shirong-photo-remove').hidden = !chosen(n);
      if (n > 1) { s.hidden = !chosen(n) && !(chosen(n - 1) && !slot(n - 1).hidden); }
    }
  }
  function removePhoto(n) {
    $('photo' + n).value = '';
    $('photo' + n + 'Camera').value = '';
    $('photo' + n + 'TakenAt').value = '';
    $('photo' + n + 'Location').value = '';
    var preview = $('photo' + n + 'Preview');
    preview.hidden = true;
    preview.querySelector('img').removeAttribute('src');
    preview.querySelector('.shirong-photo-caption').textContent = '';
    showNextSlot();
  }
  function wirePhotos(photos) {
    for (var n = 1; n <= maxPhotos; n++) {
      photoFields.push(photos.wirePhoto({ input: $('photo' + n), camera: $('photo' + n + 'Camera'),
        takenAt: $('photo' + n + 'TakenAt'), location: $('photo' + n + 'Location'), preview: $('photo' + n + 'Preview') }));
    }
  }
  function photosBusy() { return photoFields.some(function (f) { return f.busy(); }); }

  function showErrors(errors) {
    window.ShirongForms.showErrors(form, errors);
    var first = form.querySelector('.has-error') || (errors.length ? form.querySelector('[data-error-for=""]') : null);
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: 'center' }); }
  }

  // 在页面上先指出明显漏填的栏目；其余由服务器检查（与接口上报相同）。
  function missing() {
    var errors = [];
    if (!$('report-category').value) { errors.push({ field: 'category', message: '请选择问题类别' }); }
    if (!$('report-title').value.trim()) { errors.push({ field: 'title', message: '请填写问题标题' }); }
    if (!$('report-address').value.trim()) { errors.push({ field: 'location.address', message: '请填写问题地点' }); }
    return errors;
  }

  function submit(event) {
    event.preventDefault();
    if (photosBusy()) { showErrors([{ field: 'photos', message: '照片还在处理中，请稍候再点上报' }]); return; }
    var errors = missing();
    if (errors.length) { showErrors(errors); return; }
    showErrors([]);
    var location = { address: $('report-address').value.trim() };
    var data = new FormData();
    var n;
    for (n = 1; n <= maxPhotos; n++) {
      if (!hasPhoto(n)) { continue; }
      data.append('photos', $('photo' + n).files[0]);
      data.append('photoTakenAt', $('photo' + n + 'TakenAt').value);
      var where = $('photo' + n + 'Location').value;
      data.append('photoLocation', where);
      // 没有用当前位置时，以第一张照片记录的拍摄位置作为问题位置
      if (!position && where && location.lat === undefined) {
        var parts = where.split(',');
        location.lat = Number(parts[0]);
        location.lng = Number(parts[1]);
      }
    }
    if (position) { location.lat = position.lat; location.lng = position.lng; }
    // 区的上报人选的属地街镇（页面只对有街镇的区列出此栏）；不选时由服务器按地点开头的镇、街道名称判断
    var territory = $('report-territory');
    if (territory && territory.value) { location.territory = territory.value; }
    // 村/社区（页面只对有村、社区的组织列出此栏）；不选即不属于某个村、社区
    var community = $('report-community');
    if (community && community.value) { location.community = community.value; }
    var report = { category: $('report-category').value, title: $('report-title').value.trim(), location: location,
      description: $('report-description').value.trim() || null, source: $('report-source').value,
      urgency: $('report-urgency').value || 'NORMAL', campaign: $('report-campaign').value || null,
      subItem: $('report-sub-item').value || null };
    data.append('case', new Blob([JSON.stringify(report)], { type: 'application/json' }));
    var headers = { Accept: 'application/json' };
    var token = document.querySelector('meta[name="shirong-csrf-token"]');
    if (token) { headers['X-XSRF-TOKEN'] = token.getAttribute('content'); }
    var button = $('report-submit');
    button.disabled = true;
    button.textContent = '正在上报……';
    fetch('/api/cases', { method: 'POST', credentials: 'same-origin', headers: headers, body: data })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (answer) {
          if (r.ok) { done(answer); return; }
          showErrors(answer.errors || [{ message: r.status === 401
            ? '登录已过期或已在其他页面重新登录：请在任务列表重新登录后再上报（已填写的内容请先留存）'
            : r.status === 413 ? '照片过大，请删去部分照片后再上报' : '上报失败（' + r.status + '），请稍后再试' }]);
        });
      })
      .catch(function () { showErrors([{ message: '无法连接服务器，请检查网络后再上报' }]); })
      .then(function () { button.disabled = false; button.textContent = '上报'; });
  }

  function fact(dl, name, value) {
    if (!value) { return; }
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, value));
  }

  function done(v) {
    var url = '/shirong/cases/' + encodeURIComponent(v.caseNo);
    $('report-case-no').textContent = v.caseNo;
    $('report-case-link').href = url;
    $('report-case-open').href = url;
    var dl = $('report-case-facts');
    dl.textContent = '';
    fact(dl, '状态', v.statusName);
    fact(dl, '牵头单位', v.leadUnitName || (v.leadUnit ? v.leadUnit : '待办公室派遣'));
    fact(dl, '村/社区', v.community);
    fact(dl, '整改期限', v.dueAt && window.ShirongTimes ? window.ShirongTimes.dateTime(v.dueAt) : null);
    var dup = $('report-duplicates');
    dup.textContent = '';
    if (v.possibleDuplicates && v.possibleDuplicates.length) {
      dup.appendChild(el('p', 'text-warning', '附近有同类在办案件，可能是同一问题（如重复，请联系办公室合并）：'));
      var ul = dup.appendChild(el('ul'));
      v.possibleDuplicates.forEach(function (d) {
        var li = ul.appendChild(el('li'));
        var a = li.appendChild(el('a', null, d.caseNo));
        a.href = '/shirong/cases/' + encodeURIComponent(d.caseNo);
        li.appendChild(document.createTextNode(' ' + (d.title || '') + (d.address ? ' · ' + d.address : '')));
      });
    }
    form.hidden = true;
    $('report-done').hidden = false;
    root.setAttribute('data-reported', v.caseNo);
    window.scrollTo(0, 0);
  }

  function again() {
    form.reset();
    position = null;
    $('report-position').textContent = '';
    $('report-category-hint').textContent = '';
    offerSubItems(null);
    campaignChosen();
    offerCategoriesOf($('report-source').value);
    for (var n = 1; n <= maxPhotos; n++) { removePhoto(n); }
    $('report-done').hidden = true;
    form.hidden = false;
    root.removeAttribute('data-reported');
  }

  var appRoot = '/camunda';
  Promise.all([getJson('/api/categories'), getJson('/api/cases/sources'), getJson('/api/campaigns?reportable=true').catch(function () { return []; }),
    import(appRoot + '/app/tasklist/shirong/photo-evidence.js'), window.ShirongTimes ? window.ShirongTimes.load() : null])
    .then(function (answers) {
      ownCategories = answers[0];
      fillCategories(ownCategories);
      wireCategoryHint();
      fillSources(answers[1]);
      fillCampaigns(answers[2]);
      wirePhotos(answers[3]);
      for (var n = 1; n <= maxPhotos; n++) {
        ['photo' + n, 'photo' + n + 'Camera'].forEach(function (id) { $(id).addEventListener('change', function () { setTimeout(showNextSlot, 0); }); });
      }
      Array.prototype.forEach.call(root.querySelectorAll('[data-remove]'), function (b) {
        b.addEventListener('click', function () { removePhoto(Number(b.getAttribute('data-remove'))); });
      });
      $('report-locate').addEventListener('click', locate);
      $('report-again').addEventListener('click', again);
      form.addEventListener('submit', submit);
      // 改动某一栏后，该栏下方此前的说明随即去掉
      ['input', 'change'].forEach(function (type) {
        form.addEventListener(type, function (e) {
          var group = e.target.closest && e.target.closest('.form-group');
          if (!group || !group.classList.contains('has-error')) { return; }
          group.classList.remove('has-error');
          Array.prototype.forEach.call(group.querySelectorAll('[data-error-for]'), function (p) { p.textContent = ''; });
        });
      });
      $('report-loading').remove();
      form.hidden = false;
      root.setAttribute('data-loaded', 'true');
    })
    .catch(function (e) {
      $('report-loading').textContent = e && e.shirong ? e.message
        : '读取上报选项失败：网络中断，或页面地址有误，请检查网络后刷新本页';
    });
}());
