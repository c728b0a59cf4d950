// Leaflet 自带的字样改为中文：缩放按钮的提示（放大、缩小，原为 Zoom in / Zoom out）和比例尺的单位（米、千米，原为 m、km）。
// 在 leaflet.js 之后、页面自己的脚本之前载入（案件地图、责任区）。
(function () {
  'use strict';
  if (!window.L) { return; }
  L.Control.Zoom.prototype.options.zoomInTitle = '放大';
  L.Control.Zoom.prototype.options.zoomOutTitle = '缩小';
  var updateScale = L.Control.Scale.prototype._updateScale;
  L.Control.Scale.prototype._updateScale = function (scale, text, ratio) {
    updateScale.call(this, scale, text.replace(' km', ' 千米').replace(' m', ' 米'), ratio);
  };
})();
