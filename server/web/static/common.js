/* antrian web: helpers shared by every page. Plain ES5 on purpose: it must run on
   cheap phones and on the old browsers built into TVs. No network access beyond the
   hub itself (the office may have no internet). */
var A = (function () {
  'use strict';
  var strings = {};
  try {
    strings = JSON.parse(document.getElementById('strings').textContent || '{}');
  } catch (e) { strings = {}; }

  function fmt(text, args) {
    var out = String(text);
    for (var i = 0; args && i < args.length; i++) out = out.split('{' + i + '}').join(String(args[i]));
    return out;
  }
  // [Indonesian, English] for a key of the strings table; the key itself when missing.
  function pair(key, args) {
    var row = strings[key] || [key, key];
    return [fmt(row[0], args), fmt(row[1], args)];
  }
  function t(key, args) { return pair(key, args)[0]; }
  function te(key, args) { return pair(key, args)[1]; }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!attrs.hasOwnProperty(k) || attrs[k] === null || attrs[k] === undefined) continue;
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'class') e.className = attrs[k];
        else if (k.indexOf('on') === 0) e.addEventListener(k.substring(2), attrs[k]);
        else e.setAttribute(k, attrs[k]);
      }
    }
    if (children) {
      for (var i = 0; i < children.length; i++) {
        var c = children[i];
        if (c === null || c === undefined) continue;
        e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    }
    return e;
  }
  // Indonesian first, English under it.
  function bi(key, args, tag) {
    var p = pair(key, args);
    return el(tag || 'span', { 'class': 'bi' }, [el('span', { 'class': 'id', text: p[0] }), el('span', { 'class': 'en', lang: 'en', text: p[1] })]);
  }
  // The same for texts that come from the hub (names, messages) rather than the table.
  function biText(idText, enText, tag) {
    return el(tag || 'span', { 'class': 'bi' }, [el('span', { 'class': 'id', text: idText || '' }),
      enText && enText !== idText ? el('span', { 'class': 'en', lang: 'en', text: enText }) : null]);
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }

  function request(method, url, body, headers, done) {
    var x = new XMLHttpRequest();
    x.open(method, url, true);
    x.setRequestHeader('Accept', 'application/json');
    for (var h in headers) if (headers.hasOwnProperty(h)) x.setRequestHeader(h, headers[h]);
    x.onreadystatechange = function () {
      if (x.readyState !== 4) return;
      var data = null;
      try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      done(x.status, data);
    };
    x.send(body);
  }
  function get(url, done) { request('GET', url, null, {}, done); }
  function post(url, body, csrf, done) {
    var h = { 'Content-Type': 'application/json' };
    if (csrf) h['X-CSRF-Token'] = csrf;
    request('POST', url, JSON.stringify(body || {}), h, done);
  }
  // What went wrong, for the person reading it: the strings table's words for the
  // error's code, Indonesian first, then English and the hub's own (English) reason.
  function reason(status, data) {
    if (data && data.error) {
      var key = strings['error.' + data.error] ? 'error.' + data.error : 'error.other';
      return t(key) + ' / ' + te(key) + (data.reason ? ' (' + data.reason + ')' : '');
    }
    if (data && data.reason) return data.reason;
    if (status === 0) return t('web.common.no_connection') + ' / ' + te('web.common.no_connection');
    return 'HTTP ' + status;
  }

  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  // "HH:MM" of a hub time (ms) in the office's time zone, whatever the phone's zone.
  function hhmm(ms, offsetH) {
    var d = new Date(ms + offsetH * 3600000);
    return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function dateText(ms, offsetH, lang) {
    var d = new Date(ms + offsetH * 3600000);
    var days = (lang === 'en' ? te : t)('web.common.weekdays').split(',');
    var months = (lang === 'en' ? te : t)('web.common.months').split(',');
    return days[d.getUTCDay()] + ', ' + d.getUTCDate() + ' ' + months[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  }
  // A wait in whole minutes, never "0" (at least one minute).
  function minutes(seconds) { return Math.max(1, Math.round(seconds / 60)); }
  // "± 7 mnt": a waiting time as the pages show it.
  function waitText(seconds) { return '± ' + minutes(seconds) + ' ' + t('web.unit.min'); }
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    seconds = Math.round(seconds);
    if (seconds < 60) return seconds + ' ' + t('web.unit.s');
    var m = Math.round(seconds / 60);
    if (m < 60) return m + ' ' + t('web.unit.min');
    return Math.floor(m / 60) + ' ' + t('web.unit.h') + ' ' + pad(m % 60) + ' ' + t('web.unit.min');
  }

  // Follows a page's data live: server-sent events when the browser has them and the
  // hub has a free stream, else polling. onView(view, hubNowMs) gets every new view;
  // onLink(true|false) tells whether the hub is heard (silence for 25 s = lost).
  // A page that fell back to polling tries the stream again every 10-20 s and stops
  // polling once the stream is open.
  function live(streamUrl, jsonUrl, eventName, onView, onLink) {
    var lastHeard = 0, online = null, source = null, pollTimer = null, retryTimer = null, streaming = false;
    function heard(now) {
      lastHeard = new Date().getTime();
      if (now) A.clockOffset = now - lastHeard;
      if (online !== true) { online = true; onLink(true); }
    }
    function poll() {
      pollTimer = -1;  // a request is on its way
      get(jsonUrl, function (status, data) {
        if (status === 200 && data && !streaming) { heard(data.now); onView(data.view, data.now); }
        pollTimer = streaming ? null : setTimeout(poll, 15000);
      });
    }
    function openStream() {
      retryTimer = null;
      source = new EventSource(streamUrl);
      source.addEventListener(eventName, function (ev) {
        var m = JSON.parse(ev.data);
        heard(m.now);
        onView(m.view, m.now);
      });
      source.addEventListener('ping', function (ev) { heard(JSON.parse(ev.data).now); });
      source.onopen = function () {
        streaming = true;
        document.body.setAttribute('data-live', 'stream');  // for tests and the curious
        if (pollTimer !== null && pollTimer !== -1) { clearTimeout(pollTimer); pollTimer = null; }
      };
      source.onerror = function () {
        streaming = false;
        // A refused stream (503: the live slots are taken) is not retried by the
        // browser: poll, and try the stream again later. Otherwise the browser
        // reconnects by itself.
        if (source && source.readyState === 2) startPolling();
      };
    }
    function startPolling() {
      document.body.setAttribute('data-live', 'poll');
      if (source) { source.close(); source = null; }
      if (pollTimer === null) poll();
      if (window.EventSource && retryTimer === null) retryTimer = setTimeout(openStream, 10000 + Math.random() * 10000);
    }
    if (window.EventSource) openStream();
    else startPolling();
    setInterval(function () {
      if (online !== false && new Date().getTime() - lastHeard > 25000) { online = false; onLink(false); }
    }, 1000);
  }
  function hubNow() { return new Date().getTime() + (A.clockOffset || 0); }

  // The survey's elements in the regulation's order, as the hub's survey.h lists them.
  function surveyElements() {
    try { return JSON.parse(document.getElementById('survey-elements').textContent || '[]'); } catch (e) { return []; }
  }

  return { t: t, te: te, pair: pair, fmt: fmt, el: el, bi: bi, biText: biText, clear: clear, $: $,
           get: get, post: post, reason: reason, hhmm: hhmm, dateText: dateText, minutes: minutes,
           duration: duration, waitText: waitText, live: live, hubNow: hubNow, surveyElements: surveyElements,
           clockOffset: 0 };
})();
