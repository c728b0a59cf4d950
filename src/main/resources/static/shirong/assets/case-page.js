// 案件页：从 GET /api/cases/{caseNo} 读取案件并显示信息、红绿灯、整改前后照片（并排）、延期与挂账、协办、考核申诉和办理过程；
// 答复的 actions 允许时，牵头单位在此提出考核申诉，办公室在此合并重复案件。
(function () {
  'use strict';
  var root = document.getElementById('case-page');
  if (!root) { return; }
  var caseNo = root.getAttribute('data-case-no');
  // 区的案件（所属组织有下属街镇）都应有属地街镇：没有的写明“未填写”，办公室可在“更正案件信息”中填写
  var hasTowns = root.getAttribute('data-has-towns') === 'true';
  var LIGHTS = { RED: ['红灯', 'light-red', '已超过期限'], YELLOW: ['黄灯', 'light-yellow', '时限将到'],
    GREEN: ['绿灯', 'light-green', '在时限内'] };
  var SUSPENSION = ['SUSPENSION_REQUESTED', 'SUSPENDED', 'SUSPENSION_REJECTED', 'RESUMED'];
  // 案件中出现的人员姓名（按登录账号），由服务器随案件一起给出；不在组织文件中的账号原样显示。
  var people = {};
  function person(id) { return id ? people[id] || id : id; }

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
  function fact(dl, name, value) {
    if (value === undefined || value === null || value === '') { return; }
    dl.appendChild(el('dt', null, name));
    dl.appendChild(el('dd', null, String(value)));
  }
  function table(headers, rows) {
    var t = el('table', 'table table-condensed shirong-table');
    var tr = el('tr');
    headers.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    t.appendChild(el('thead')).appendChild(tr);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var row = body.appendChild(el('tr'));
      r.forEach(function (c) { row.appendChild(el('td', null, c === null || c === undefined ? '—' : String(c))); });
    });
    return t;
  }

  function territoryShown(v) {
    var c = v.record;
    if (!hasTowns) { return v.territoryName; }
    if (!c.territory) { return '未填写（区的案件应写明属地街镇）'; }
    return c.territory === c.tenantId ? v.territoryName + '（区本级，不在街镇）' : v.territoryName;
  }

  function showRecord(v) {
    var c = v.record;
    document.getElementById('case-title').textContent = c.title;
    document.title = '案件 ' + c.caseNo + ' ' + c.title + ' · Shirong';
    var badge = document.getElementById('case-light');
    var light = LIGHTS[v.light];
    badge.textContent = light ? light[0] + '（' + light[2] + '）' : '无红绿灯（' + v.statusName + '）';
    badge.className = 'light-badge ' + (light ? light[1] : 'light-none');
    badge.setAttribute('data-light', v.light || '');
    document.getElementById('case-status').textContent = v.statusName;
    var dl = document.getElementById('case-record');
    fact(dl, '类别', root.getAttribute('data-category-name'));
    fact(dl, '紧急程度', root.getAttribute('data-urgency-name'));
    fact(dl, '来源', root.getAttribute('data-source-name'));
    fact(dl, '地址', c.address);
    fact(dl, '属地', (territoryShown(v) || '') + (c.community ? ' · ' + c.community : ''));
    if (c.lat !== null && c.lng !== null) { fact(dl, '位置', c.lat + ', ' + c.lng); }
    fact(dl, '问题描述', c.description);
    fact(dl, '牵头单位', v.leadUnitName);
    fact(dl, '责任单位', root.getAttribute('data-responsible-unit-names'));
    fact(dl, '上报', when(c.reportedAt) + '（' + person(c.reportedBy) + '）');
    fact(dl, '派遣', c.dispatchedAt && when(c.dispatchedAt));
    fact(dl, '整改期限', c.dueAt && when(c.dueAt) + (v.dueBoundName ? '（' + v.dueBoundName + '）' : ''));
    fact(dl, '提交整改', c.submittedAt && when(c.submittedAt));
    if (c.status === 'MERGED') {
      caseLinks(dl, '合并关闭', [c.mergedInto], when(c.closedAt) + '，作为重复案件并入 ', '');
    } else if (c.status === 'VOIDED') {
      fact(dl, '作废', when(c.closedAt));
    } else {
      fact(dl, '结案', c.closedAt && when(c.closedAt) + (c.closedOnTime === false ? '（逾期结案）' : c.closedOnTime ? '（按期结案）' : ''));
    }
    var planItem = root.getAttribute('data-plan-item-name');
    fact(dl, '活动', c.campaign && root.getAttribute('data-campaign-name') + (planItem ? ' · ' + planItem : '')
      + (c.subItem ? ' · ' + c.subItem : ''));
    fact(dl, '延期 / 返工 / 回退', c.extensionCount + ' 次 / ' + c.reworkCount + ' 次 / ' + c.returnCount + ' 次');
    if (c.overdue || c.escalated) { fact(dl, '超期', (c.overdue ? '已超期' : '') + (c.escalated ? '，已列入通报' : '')); }
    (v.possibleDuplicates || []).forEach(function (d, i) {
      var dd = caseLinks(dl, i === 0 ? '疑似重复案件' : '', [d.caseNo], '', ' ' + d.title + ' · ' + d.address
        + (d.distanceMeters === null ? '（地址相同）' : '（相距 ' + d.distanceMeters + ' 米）') + ' · ' + d.statusName);
      // the later report is the duplicate: this case goes only into one reported before it
      if (v.actions.merge) { dd.appendChild(d.reportedEarlier ? mergePick(d.caseNo) : el('span', 'text-muted', ' 后上报，请在该案件页面将它并入本案')); }
    });
  }

  // 办公室：把本案件并入这件疑似重复案件（填入合并表单，仍须填写理由并确认）。
  function mergePick(no) {
    var b = el('button', 'btn btn-default btn-xs shirong-merge-pick', '并入此案件');
    b.type = 'button';
    b.setAttribute('data-merge-into', no);
    b.addEventListener('click', function () {
      document.getElementById('merge-into').value = no;
      document.getElementById('case-merge-panel').scrollIntoView({ block: 'center' });
      document.getElementById('merge-reason').focus();
    });
    return b;
  }

  // A fact naming other cases, each a link to its page, between before and after.
  function caseLinks(dl, name, caseNos, before, after) {
    dl.appendChild(el('dt', null, name));
    var dd = el('dd', null, before);
    caseNos.forEach(function (no) {
      var a = el('a', null, no);
      a.href = '/shirong/cases/' + encodeURIComponent(no);
      dd.appendChild(a);
    });
    if (after) { dd.appendChild(document.createTextNode(after)); }
    dl.appendChild(dd);
    return dd;
  }

  function photoFigure(p, caption) {
    var fig = el('figure', 'shirong-photo');
    if (!p) {
      fig.classList.add('missing');
      fig.appendChild(el('div', 'photo-none', '未上传' + caption));
      fig.appendChild(el('figcaption', null, caption));
      return fig;
    }
    var a = el('a');
    a.href = p.url;
    a.target = '_blank';
    var img = el('img');
    img.src = p.url;
    img.alt = caption + ' ' + p.fileName;
    img.setAttribute('data-kind', p.kind);
    a.appendChild(img);
    fig.appendChild(a);
    var cap = el('figcaption');
    cap.appendChild(el('strong', null, caption));
    // 拍摄时间和位置是上传者的表单从照片读出后提交的，服务器无法核对，注明“上传者填报”
    cap.appendChild(el('span', null, p.takenAt ? '拍摄（上传者填报）：' + local(p.takenAt) : '拍摄：照片未记录'));
    cap.appendChild(el('span', null, p.latitude !== null && p.longitude !== null
      ? '位置（上传者填报）：' + p.latitude.toFixed(6) + ', ' + p.longitude.toFixed(6) : '位置：照片未记录'));
    cap.appendChild(el('span', null, '上传：' + when(p.uploadedAt)));
    fig.appendChild(cap);
    return fig;
  }

  // 核查未通过的一轮：整改后照片注明“第 N 次，核查未通过”和核查意见，不让人误以为已整改到位（jxreview-s60 J5）
  function showPhotos(photos, verdicts) {
    var box = document.getElementById('case-photos');
    if (!photos.length) { box.appendChild(el('p', 'text-muted', '尚无照片')); return; }
    var rounds = {};
    var ended = {};
    (verdicts || []).forEach(function (v) { ended[v.round] = v; });
    var cooperation = photos.filter(function (p) { return p.kind === 'COOPERATION'; });
    photos.filter(function (p) { return p.kind !== 'COOPERATION'; })
      .forEach(function (p) { (rounds[p.round] = rounds[p.round] || {})[p.kind] = p; });
    var numbered = Object.keys(rounds).length > 1 || (verdicts || []).some(function (v) { return v.result === 'VERIFICATION_FAILED'; });
    Object.keys(rounds).sort(function (a, b) { return a - b; }).forEach(function (r) {
      var verdict = ended[r];
      var failed = verdict && verdict.result === 'VERIFICATION_FAILED';
      if (numbered) {
        box.appendChild(el('h3', 'shirong-round', '第 ' + r + ' 次整改' + (verdict ? '（' + verdict.resultName + '）' : '')));
      }
      var pair = el('div', 'shirong-photo-pair' + (failed ? ' shirong-round-failed' : ''));
      pair.appendChild(photoFigure(rounds[r].BEFORE, '整改前'));
      var after = photoFigure(rounds[r].AFTER, failed ? '整改后（第' + r + '次，核查未通过）' : '整改后');
      if (failed && rounds[r].AFTER) {
        after.querySelector('figcaption').appendChild(el('span', 'shirong-verdict', '核查意见：' + (verdict.comment || '（未写明）')));
      }
      pair.appendChild(after);
      box.appendChild(pair);
    });
    // 协办单位记录协办情况时可附的照片，列在整改前后照片之后
    if (cooperation.length) {
      box.appendChild(el('h3', 'shirong-round', '协办照片'));
      var row = el('div', 'shirong-photo-pair');
      cooperation.forEach(function (p) { row.appendChild(photoFigure(p, '协办照片')); });
      box.appendChild(row);
    }
  }

  function showExtensions(extensions, timeline, status) {
    // a request still undecided when the case ended (merged into another) will not be decided
    var undecided = status === 'MERGED' ? '未审批（案件已合并）' : status === 'VOIDED' ? '未审批（案件已作废）'
      : status === 'CLOSED' ? '未审批（案件已结案）' : '待审批';
    var box = document.getElementById('case-extensions');
    if (extensions.length) {
      box.appendChild(el('h3', 'shirong-sub', '延期'));
      box.appendChild(table(['次序', '理由', '申请延至', '申请人', '审批', '审批意见'], extensions.map(function (x) {
        return [x.seq, x.reason, when(x.requestedDue), person(x.requestedBy),
          x.approved === null ? undecided : (x.approved ? '同意' : '不同意') + (x.decidedBy ? '（' + person(x.decidedBy) + '）' : ''), x.comment];
      })));
    }
    var suspension = timeline.filter(function (e) { return SUSPENSION.indexOf(e.kind) >= 0; });
    if (suspension.length) {
      box.appendChild(el('h3', 'shirong-sub', '挂账'));
      box.appendChild(table(['时间', '事项', '经办人', '说明'], suspension.map(function (e) {
        return [when(e.at), e.kindName, person(e.actor), e.detail];
      })));
    }
    if (!extensions.length && !suspension.length) { box.appendChild(el('p', 'text-muted', '未申请延期或挂账')); }
  }

  function showParties(parties) {
    var box = document.getElementById('case-parties');
    if (!parties.length) { box.appendChild(el('p', 'text-muted', '没有协办单位')); return; }
    box.appendChild(table(['单位', '办理期限', '状态', '记录时间', '办理情况'], parties.map(function (p) {
      return [p.unitName, when(p.dueAt), p.statusName, p.doneAt ? when(p.doneAt) + '（' + person(p.doneBy) + '）' : null,
        p.outcomeName && p.note ? p.outcomeName + '：' + p.note : p.note];
    })));
  }

  function showAppeals(appeals, deductions) {
    if (!appeals.length && !deductions.length) { return; }
    document.getElementById('case-appeals-panel').hidden = false;
    var box = document.getElementById('case-appeals');
    if (appeals.length) {
      box.appendChild(table(['扣分项', '申诉理由', '申诉', '状态', '审核意见'], appeals.map(function (a) {
        return [a.deductionName, a.reason, when(a.requestedAt) + '（' + person(a.requestedBy) + '）',
          a.statusName + (a.decidedBy ? '（' + person(a.decidedBy) + '）' : '') + (a.reviewWindow ? '。' + a.reviewWindow : ''),
          a.opinion];
      })));
    }
    if (!deductions.length) { return; }
    var form = document.getElementById('appeal-form');
    var select = document.getElementById('appeal-deduction');
    deductions.forEach(function (d) {
      var option = el('option', null, d.deductionName);
      option.value = d.deduction;
      select.appendChild(option);
    });
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      submit(form, '/appeals', { deduction: select.value, reason: document.getElementById('appeal-reason').value });
    });
  }

  function showMerge(allowed) {
    if (!allowed) { return; }
    document.getElementById('case-merge-panel').hidden = false;
    var form = document.getElementById('merge-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var into = document.getElementById('merge-into').value.trim();
      if (into && !window.confirm('将本案件并入 ' + into + '：合并后本案件关闭为“已合并”，不可恢复。确定合并吗？')) { return; }
      submit(form, '/merge', { into: into, reason: document.getElementById('merge-reason').value });
    });
  }

  // 只提交改动过的栏目：未改的不更正
  // 区的案件可填写或改属地（本区的街镇，没有属地的也可填写）；属地街镇答复“非本镇属地”的，可确认属地无误
  function showCorrect(allowed, v) {
    if (!allowed) { return; }
    var c = v.record;
    document.getElementById('case-correct-panel').hidden = false;
    var fields = { title: c.title, address: c.address, description: c.description || '', category: root.getAttribute('data-category-name') };
    if (hasTowns) {
      fields.territory = c.territory && c.territory !== c.tenantId ? v.territoryName : '';
      document.getElementById('correct-territory-group').hidden = false;
    }
    var disputed = (v.parties || []).some(function (p) {
      return p.reason === 'TERRITORY' && p.outcome === 'NOT_TERRITORY' && p.status === 'DONE';
    });
    document.getElementById('correct-confirmed-group').hidden = !disputed;
    // 有村、社区的组织：村/社区可改为其中之一或清空；原值不在其中（早先的文字）时保留为一项，不改就不提交
    var community = document.getElementById('correct-community');
    if (community) {
      fields.community = c.community || '';
      if (fields.community && !Array.prototype.some.call(community.options, function (o) { return o.value === fields.community; })) {
        community.appendChild(new Option(fields.community, fields.community));
      }
    }
    Object.keys(fields).forEach(function (key) { document.getElementById('correct-' + key).value = fields[key]; });
    var form = document.getElementById('correct-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var body = { reason: document.getElementById('correct-reason').value };
      Object.keys(fields).forEach(function (key) {
        var value = document.getElementById('correct-' + key).value;
        if (value !== fields[key]) { body[key] = value; }
      });
      if (disputed && document.getElementById('correct-territoryConfirmed').checked) { body.territoryConfirmed = true; }
      submit(form, '/correction', body);
    });
  }

  function showVoid(allowed) {
    if (!allowed) { return; }
    document.getElementById('case-void-panel').hidden = false;
    var form = document.getElementById('void-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!window.confirm('作废本案件：待办任务和协办随之撤销，案件不再办理、不计入考核，不可恢复。确定作废吗？')) { return; }
      submit(form, '/void', { reason: document.getElementById('void-reason').value });
    });
  }

  function showReopen(allowed) {
    if (!allowed) { return; }
    document.getElementById('case-reopen-panel').hidden = false;
    var form = document.getElementById('reopen-form');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      if (!window.confirm('重新打开本案件：案件交回原牵头单位重新整改，并计入该单位的考核扣分。确定重新打开吗？')) { return; }
      submit(form, '/reopen', { reason: document.getElementById('reopen-reason').value });
    });
  }

  // 在登录的会话中提交（带会话的 CSRF 令牌，见 _page.ftlh）；成功后重新读取本页，失败时把说明写在它所指的栏目旁。
  function submit(form, path, body) {
    var button = form.querySelector('button[type=submit]');
    var headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    var token = document.querySelector('meta[name="shirong-csrf-token"]');
    if (token) { headers['X-XSRF-TOKEN'] = token.getAttribute('content'); }
    showErrors(form, []);
    button.disabled = true;
    fetch('/api/cases/' + encodeURIComponent(caseNo) + path, { method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { window.location.reload(); return; }
        return r.json().catch(function () { return {}; }).then(function (answer) {
          showErrors(form, answer.errors || [{ message: r.status === 401
            ? '登录已过期或已在其他页面重新登录：请刷新本页（必要时先在任务列表重新登录）后再提交'
            : '提交失败（' + r.status + '），请稍后再试' }]);
          button.disabled = false;
        });
      })
      .catch(function () {
        showErrors(form, [{ message: '无法连接服务器，请检查网络后再提交' }]);
        button.disabled = false;
      });
  }

  function showErrors(form, errors) { window.ShirongForms.showErrors(form, errors); }

  function showTimeline(timeline) {
    var list = document.getElementById('case-timeline');
    timeline.forEach(function (e) {
      var li = el('li');
      li.appendChild(el('time', null, when(e.at)));
      li.appendChild(el('strong', null, e.kindName));
      if (e.actor) { li.appendChild(el('span', 'actor', person(e.actor))); }
      if (e.detail) { li.appendChild(el('div', 'detail', e.detail)); }
      list.appendChild(li);
    });
  }

  // 责任区移交执法的案件：责任区和责任人另行读取。联系电话不写进案件描述（协办单位、属地街镇都读案件），
  // 这里按责任区页面的规则显示：办公室、督导检查组、执法单位、负责单位看全号，其他人看到 139****0001。
  function showZone(c) {
    if (!c.externalRef || c.externalRef.indexOf('ZONE-') !== 0) { return; }
    fetch('/api/cases/' + encodeURIComponent(caseNo) + '/zone', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (z) {
        if (!z) { return; }
        var dl = document.getElementById('case-record');
        fact(dl, '责任区', z.zoneNo + ' ' + z.holderName);
        fact(dl, '责任人', z.person);
        var dd = el('dd', 'zone-phone', z.phone || '—');
        dl.appendChild(el('dt', null, '联系电话'));
        dl.appendChild(dd);
        var file = el('a', null, '下载责任区档案 PDF');
        file.href = z.fileUrl;
        file.setAttribute('download', '');
        dl.appendChild(el('dt', null, '责任区档案'));
        dl.appendChild(el('dd')).appendChild(file);
      })
      .catch(function () { /* 责任区一栏读不到时，案件其余部分照常显示 */ });
  }

  // Our own reasons are told as they are; the browser's exceptions are English (a lost connection, an address that carries
  // a user name and password: "Failed to execute 'fetch' on 'Window'…"), so their reader is told in Chinese what to do.
  function told(message) { var e = new Error(message); e.shirong = true; return e; }
  function failed(e, what) {
    return e && e.shirong ? e.message : what + '：网络中断，或页面地址有误（如地址中带有用户名和密码），请检查网络后从任务或案件列表重新打开';
  }

  Promise.all([fetch('/api/cases/' + encodeURIComponent(caseNo), { credentials: 'same-origin', headers: { Accept: 'application/json' } }),
    window.ShirongTimes.load()])
    .then(function (answers) {
      var r = answers[0];
      if (!r.ok) { throw told(r.status === 404 ? '案件不存在或您无权查看' : '读取案件失败（' + r.status + '）'); }
      return r.json();
    })
    .then(function (v) {
      people = v.people || {};
      showRecord(v);
      showZone(v.record);
      showPhotos(v.photos, v.rounds);
      showExtensions(v.extensions, v.timeline, v.record.status);
      showParties(v.parties);
      showAppeals(v.appeals, v.actions.appeal);
      showMerge(v.actions.merge);
      showReopen(v.actions.reopen);
      showVoid(v.actions['void']);
      showCorrect(v.actions.correct, v);
      showTimeline(v.timeline);
      document.getElementById('case-loading').remove();
      root.setAttribute('data-loaded', 'true');
    })
    .catch(function (e) { document.getElementById('case-loading').textContent = failed(e, '读取案件失败'); });
}());
