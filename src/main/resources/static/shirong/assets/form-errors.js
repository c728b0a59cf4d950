// Shirong 自己页面上的表单（案件页的更正、上报问题）显示接口的 400：每条错误写在它指明的栏目下（data-error-for 为
// 字段名，如 location.address），没有指明栏目或页面上没有该栏目的写在表单的总提示处（data-error-for=""）。
(function () {
  'use strict';
  if (window.ShirongForms) { return; }
  function showErrors(form, errors) {
    Array.prototype.forEach.call(form.querySelectorAll('[data-error-for]'), function (p) {
      p.textContent = '';
      if (p.parentNode.classList.contains('form-group')) { p.parentNode.classList.remove('has-error'); }
    });
    errors.forEach(function (x) {
      var p = form.querySelector('[data-error-for="' + (x.field || '') + '"]') || form.querySelector('[data-error-for=""]');
      p.textContent = (p.textContent ? p.textContent + ' ' : '') + x.message;
      if (p.parentNode.classList.contains('form-group')) { p.parentNode.classList.add('has-error'); }
    });
  }
  window.ShirongForms = { showErrors: showErrors };
})();
