/* A bar chart as inline SVG (no library, no network): arrivals per hour. */
var Chart = (function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  function node(tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) if (attrs.hasOwnProperty(k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // values[i] for labels[i]; title for screen readers.
  function bars(values, labels, title) {
    var W = 720, H = 260, left = 40, bottom = 28, top = 16;
    var max = 1;
    for (var i = 0; i < values.length; i++) max = Math.max(max, values[i]);
    var svg = node('svg', { viewBox: '0 0 ' + W + ' ' + H, 'class': 'chart', role: 'img', 'aria-label': title });
    svg.appendChild(node('title', {}, title));
    var step = Math.pow(10, Math.floor(Math.log(max) / Math.LN10));
    if (max / step < 4) step = step / 2 >= 1 ? step / 2 : step;
    for (var g = 0; g <= max; g += step) {
      var gy = H - bottom - (H - bottom - top) * g / max;
      svg.appendChild(node('line', { x1: left, x2: W - 4, y1: gy, y2: gy, 'class': 'grid' }));
      svg.appendChild(node('text', { x: left - 6, y: gy + 4, 'class': 'axis', 'text-anchor': 'end' }, String(g)));
    }
    var bw = (W - left - 4) / values.length;
    for (var j = 0; j < values.length; j++) {
      var h = (H - bottom - top) * values[j] / max;
      var x = left + j * bw;
      var bar = node('rect', { x: x + 2, y: H - bottom - h, width: Math.max(1, bw - 4), height: h, 'class': 'bar', 'data-value': values[j] });
      bar.appendChild(node('title', {}, labels[j] + ': ' + values[j]));
      svg.appendChild(bar);
      if (values[j] > 0) svg.appendChild(node('text', { x: x + bw / 2, y: H - bottom - h - 3, 'class': 'value', 'text-anchor': 'middle' }, String(values[j])));
      svg.appendChild(node('text', { x: x + bw / 2, y: H - 10, 'class': 'axis', 'text-anchor': 'middle' }, labels[j]));
    }
    return svg;
  }
  return { bars: bars };
})();
