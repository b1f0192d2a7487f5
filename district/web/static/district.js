/* District dashboard: helpers every page shares. Plain ES5; no network access beyond
   the dashboard's own server. Texts come from the one strings table (the page embeds
   the rows it needs); English parts carry lang="en". */
var D = (function () {
  'use strict';
  var strings = {};
  try { strings = JSON.parse(document.getElementById('strings').textContent || '{}'); } catch (e) { strings = {}; }
  function fmt(text, args) {
    var out = String(text);
    for (var i = 0; args && i < args.length; i++) out = out.split('{' + i + '}').join(String(args[i]));
    return out;
  }
  function pair(key, args) { var r = strings[key] || [key, key]; return [fmt(r[0], args), fmt(r[1], args)]; }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (!attrs.hasOwnProperty(k) || attrs[k] === null || attrs[k] === undefined) continue;
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    for (var i = 0; children && i < children.length; i++) {
      var c = children[i];
      if (c === null || c === undefined) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  // Indonesian first, English beside it (lang="en").
  function bi(key, args, tag, cls) {
    var p = pair(key, args);
    return el(tag || 'span', { 'class': 'bi' + (cls ? ' ' + cls : '') },
      [el('span', { 'class': 'id', text: p[0] }), ' ', el('span', { 'class': 'en', lang: 'en', text: p[1] })]);
  }
  function biText(idText, enText, tag) {
    return el(tag || 'span', { 'class': 'bi' }, [el('span', { 'class': 'id', text: idText || '' }),
      enText && enText !== idText ? ' ' : null,
      enText && enText !== idText ? el('span', { 'class': 'en', lang: 'en', text: enText }) : null]);
  }
  // A duration in seconds as words of the table ("12 menit", "1 jam 5 menit").
  function duration(s) {
    if (s === null || s === undefined) return null;
    if (s < 60) return bi('district.seconds', [Math.max(0, Math.round(s))]);
    var m = Math.floor(s / 60);
    if (m < 60) return bi('district.minutes', [m]);
    return bi('district.hours', [Math.floor(m / 60), m % 60]);
  }
  // A time of day in WIB (UTC+7), the district's zone.
  function clock(ms) {
    if (!ms) return '';
    var d = new Date(ms + 7 * 3600 * 1000);
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return p(d.getUTCDate()) + '/' + p(d.getUTCMonth() + 1) + ' ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes()) + ' WIB';
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function $(id) { return document.getElementById(id); }
  function request(method, url, body, headers, done) {
    var x = new XMLHttpRequest();
    x.open(method, url, true);
    x.setRequestHeader('Accept', 'application/json');
    for (var h in headers || {}) if (headers.hasOwnProperty(h)) x.setRequestHeader(h, headers[h]);
    x.onreadystatechange = function () {
      if (x.readyState !== 4) return;
      var data = null;
      try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      done(x.status, data);
    };
    x.send(body);
  }
  // Polls url every ms and hands each answer to render; says so on the page when the
  // server cannot be reached, and keeps the last picture.
  function poll(url, ms, render) {
    function tick() {
      request('GET', url, null, {}, function (status, data) {
        var problem = $('problem');
        if (status === 200 && data) {
          if (problem) problem.hidden = true;
          render(data);
          var u = $('updated');
          if (u) clear(u).appendChild(bi('district.updated', [clock(data.generated_at || Date.now())]));
        } else if (problem) {
          clear(problem).appendChild(data && data.reason ? document.createTextNode(data.reason) : bi('district.no_connection'));
          problem.hidden = false;
        }
        setTimeout(tick, ms);
      });
    }
    tick();
  }
  return { t: function (k, a) { return pair(k, a)[0]; }, pair: pair, el: el, bi: bi, biText: biText,
           duration: duration, clock: clock, clear: clear, $: $, request: request, poll: poll };
})();
