/* The browser display for a TV: shows the hall live and speaks each new call with the
   audio the hub synthesised. A call is spoken once: the last spoken event number is
   kept in sessionStorage, so a reload never repeats a call, and a call older than
   15 s (a backlog after a reconnect) is shown but not spoken. */
(function () {
  'use strict';
  var query = location.search || '';
  var storeKey = 'antrian.display.spoken' + query;
  var lastSpoken = null, queue = [], speaking = false, soundOn = false, view = null;
  var player = A.$('player');
  var HIGHLIGHT_MS = 10000, MAX_AGE_MS = 15000;
  window.antrianSpoken = [];  // for tests and for a curious technician: what was played

  try { var s = sessionStorage.getItem(storeKey); if (s) lastSpoken = parseInt(s, 10); } catch (e) { lastSpoken = null; }
  function remember(seq) {
    lastSpoken = seq;
    try { sessionStorage.setItem(storeKey, String(seq)); } catch (e) { /* private mode: memory only */ }
  }

  function playNext() {
    if (speaking || !queue.length || !soundOn) return;
    var c = queue.shift();
    speaking = true;
    window.antrianSpoken.push(c.seq);
    document.body.setAttribute('data-speaking', c.label);
    player.src = '/display/audio/' + c.seq + '.wav';
    var p = player.play();
    if (p && p.catch) p.catch(function () { done(); });
  }
  function done() {
    speaking = false;
    document.body.removeAttribute('data-speaking');
    playNext();
  }
  player.addEventListener('ended', done);
  player.addEventListener('error', done);

  function offerCalls(calls, now) {
    var newest = 0;
    for (var i = 0; i < calls.length; i++) newest = Math.max(newest, calls[i].seq);
    if (lastSpoken === null) { remember(newest); return; }  // first view: what is on screen is not news
    for (var j = 0; j < calls.length; j++) {
      var c = calls[j];
      if (c.seq <= lastSpoken) continue;
      remember(c.seq);
      if (now - c.at > MAX_AGE_MS) continue;
      if (soundOn) queue.push(c);
    }
    playNext();
  }

  // "Layanan A, B · Loket 1, 2" for a filtered display, "Semua layanan" otherwise.
  function scopeText() {
    var parts = [], pairs = query.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var kv = pairs[i].split('=');
      if (!kv[1]) continue;
      var list = decodeURIComponent(kv[1]).split(',').join(', ');
      if (kv[0] === 'services') parts.push(A.t('web.display.scope_services', [list]));
      if (kv[0] === 'lokets') parts.push(A.t('web.display.scope_lokets', [list]));
    }
    return parts.length ? parts.join(' · ') : A.t('web.display.all');
  }

  function renderNewest(v, now) {
    var box = A.clear(A.$('newest'));
    if (!v.newest) { box.appendChild(A.bi('web.display.no_calls', null, 'p')); return; }
    var n = v.newest;
    box.className = 'newest' + (now - n.at < HIGHLIGHT_MS ? ' fresh' : '');
    box.appendChild(A.bi(n.recalls > 0 ? 'web.display.recall' : 'web.display.number', null, 'p'));
    box.appendChild(A.el('p', { 'class': 'big-label', id: 'newest-label', text: n.label }));
    box.appendChild(A.bi('web.display.go_to', null, 'p'));
    box.appendChild(A.el('p', { 'class': 'big-loket', id: 'newest-loket', text: n.loket_name }));
    box.appendChild(A.biText(n.service.name_id, n.service.name_en, 'p'));
  }

  // One loket a row: its name and its ticket (or its state), both at reading size.
  function renderLokets(v, now) {
    var box = A.clear(A.$('lokets'));
    for (var i = 0; i < v.lokets.length; i++) {
      var l = v.lokets[i];
      var fresh = l.label && now - l.called_at < HIGHLIGHT_MS;
      var tile = A.el('div', { 'class': 'tile ' + l.state + (fresh ? ' fresh' : ''), 'data-loket': l.number }, [
        A.el('div', { 'class': 'tile-name', text: l.name })]);
      if (l.state !== 'open') tile.appendChild(A.bi('counter_state.' + l.state, null, 'div'));
      else tile.appendChild(A.el('div', { 'class': 'tile-label', text: l.label || '–' }));
      if (tile.lastChild.className === 'bi') tile.lastChild.className = 'bi tile-state';
      box.appendChild(tile);
    }
  }

  // One service a card: name and people waiting; then its status and wait at reading size.
  function renderServices(v) {
    var box = A.clear(A.$('services'));
    for (var i = 0; i < v.services.length; i++) {
      var s = v.services[i];
      // The hub's one word for what stops it ("Blangko habis"), never "Normal" when no number can be taken.
      var cond = s.condition || s.status;
      var cls = cond === 'normal' || cond === 'degraded' ? s.status : cond === 'blangko_low' ? 'degraded' : 'halted';
      var wait = s.status === 'halted' ? A.t('status.halted') : s.eta_new_s === null ? '–' : A.waitText(s.eta_new_s);
      var status = A.bi('status.' + cond);
      status.className = 'bi svc-status';
      box.appendChild(A.el('div', { 'class': 'svc ' + cls, 'data-service': s.code, 'data-condition': cond }, [
        A.el('div', { 'class': 'svc-name' }, [A.el('span', { 'class': 'id', text: s.code + ' · ' + s.name_id + ' · ' + A.t('web.display.waiting', [s.waiting]) }),
                                              A.el('span', { 'class': 'en', lang: 'en', text: s.name_en })]),
        A.el('div', { 'class': 'svc-line' }, [status, A.el('div', { 'class': 'svc-wait' }, [A.el('span', { 'class': 'eta', text: wait })])])]));
    }
  }

  // A banner's headline (read from the back: the first sentence) and the rest.
  function headline(id) {
    var dot = id.indexOf('. ');
    return dot > 0 ? [id.slice(0, dot), id.slice(dot + 2)] : [id, ''];
  }

  // "A. B. C." from the parts that are not empty.
  function sentences(parts) {
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      var p = (parts[i] || '').trim();
      if (p) out.push(/[.!?]$/.test(p) ? p : p + '.');
    }
    return out.join(' ');
  }

  function renderBanners(v) {
    var box = A.clear(A.$('banners'));
    for (var i = 0; i < v.banners.length; i++) {
      var b = v.banners[i], names = [];
      for (var j = 0; j < b.services.length; j++) names.push(b.services[j].name_id);
      var end = b.expected_end ? A.t('web.notice.expected_end', [A.hhmm(b.expected_end, v.office.offset_h)]) : '';
      var endEn = b.expected_end ? A.te('web.notice.expected_end', [A.hhmm(b.expected_end, v.office.offset_h)]) : '';
      var head, rest, en;
      if (b.text_id) {  // a shortage, a device fault or moved tickets, worded by the hub
        var parts = headline(b.text_id);
        head = parts[0];
        rest = parts[1] + (names.length && b.kind !== 'bulk_moved' ? ' (' + names.join(', ') + ')' : '');
        en = b.text_en;
      } else {
        head = b.resource_id + ' — ' + A.t('web.level.' + b.level);
        rest = sentences([(b.message_id || '') + (names.length ? ' (' + names.join(', ') + ')' : ''), end, b.alternative_id]);
        en = sentences([b.resource_en + ' — ' + A.te('web.level.' + b.level), b.message_en, endEn, b.alternative_en]);
      }
      var attrs = { 'class': 'banner ' + b.level };
      attrs[b.text_id ? 'data-shortage' : 'data-disruption'] = b.text_id ? b.kind : b.id;
      box.appendChild(A.el('div', attrs, [
        A.el('span', { 'class': 'page-mark' }),
        A.el('strong', { 'class': 'headline', text: head }),
        rest ? A.el('span', { 'class': 'detail', text: rest }) : null,
        en ? A.el('span', { 'class': 'detail en', lang: 'en', text: en }) : null]));
    }
  }

  // Paging instead of shrinking: the banners one at a time, the pane (lokets, then
  // services) a screenful at a time; each page stays up PAGE_MS.
  var PAGE_MS = 7000, bannerAt = 0, paneAt = 0, panePages = [];
  function showBanner() {
    var all = A.$('banners').children;
    if (all.length) bannerAt %= all.length;
    for (var i = 0; i < all.length; i++) {
      all[i].hidden = i !== bannerAt;
      all[i].firstChild.textContent = all.length > 1 ? (i + 1) + '/' + all.length : '';
    }
    paginate();
  }
  function paginate() {
    var pane = A.$('pane'), lokets = A.$('lokets'), services = A.$('services');
    var items = [].slice.call(lokets.children).concat([].slice.call(services.children));
    lokets.hidden = services.hidden = false;
    for (var i = 0; i < items.length; i++) items[i].hidden = false;
    var room = pane.clientHeight, top = 0, page = [], parent = null;
    panePages = [];
    for (var j = 0; j < items.length; j++) {
      var el = items[j], bottom = el.offsetTop + el.offsetHeight;
      if (page.length && (el.parentNode !== parent || bottom - top > room)) { panePages.push(page); page = []; }
      if (!page.length) { top = el.offsetTop; parent = el.parentNode; }
      page.push(el);
    }
    if (page.length) panePages.push(page);
    showPane();
  }
  function showPane() {
    var lokets = A.$('lokets'), services = A.$('services'), n = panePages.length;
    if (n) paneAt %= n;
    var shown = n ? panePages[paneAt] : [];
    for (var p = 0; p < n; p++)
      for (var k = 0; k < panePages[p].length; k++) panePages[p][k].hidden = p !== paneAt;
    lokets.hidden = !shown.length || shown[0].parentNode !== lokets;
    services.hidden = !shown.length || shown[0].parentNode !== services;
    A.$('pane-mark').textContent = n > 1 ? (paneAt + 1) + '/' + n : '';
  }
  setInterval(function () { bannerAt++; paneAt++; showBanner(); }, PAGE_MS);
  // For tests and a technician: how many pages, and show one.
  window.antrianPages = function () { return { banners: A.$('banners').children.length, pane: panePages.length }; };
  window.antrianShow = function (banner, pane) { bannerAt = banner; paneAt = pane; showBanner(); };

  function tick() {
    if (!view) return;
    var now = A.hubNow();
    A.$('clock').textContent = A.hhmm(now, view.office.offset_h) + ' ' + view.office.timezone;
    A.$('date').textContent = A.dateText(now, view.office.offset_h, 'id');
  }

  function render(v, now) {
    view = v;
    A.$('office').textContent = v.office.short_name || v.office.name;
    A.$('scope').textContent = scopeText();
    renderNewest(v, now);
    renderLokets(v, now);
    renderServices(v);
    renderBanners(v);
    showBanner();
    var m = A.$('marquee');
    if (m.textContent !== v.announcement) m.textContent = v.announcement;
    m.parentNode.hidden = !v.announcement;
    document.body.setAttribute('data-seq', v.seq);
    tick();
    offerCalls(v.calls, now);
  }

  // Sound on or off, remembered by this TV's browser (localStorage): after a reload
  // or a power cut the TV speaks again without anyone pressing the button (a browser
  // that still wants a press gets it pressed once; the choice is kept).
  function setSound(on) {
    soundOn = on;
    var b = A.$('sound');
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
    document.body.setAttribute('data-sound', on ? 'on' : 'off');
    try { window.localStorage.setItem('antrian.display.sound', on ? 'on' : 'off'); } catch (e) { /* private mode */ }
  }
  A.$('sound').addEventListener('click', function () {
    if (!soundOn) player.load();  // inside the click: the browser now lets this page play sound
    setSound(!soundOn);
  });
  try { if (window.localStorage.getItem('antrian.display.sound') === 'on') setSound(true); } catch (e) { /* none */ }
  setInterval(tick, 1000);
  setInterval(function () { if (view) { renderNewest(view, A.hubNow()); renderLokets(view, A.hubNow()); paginate(); } }, 2000);
  window.addEventListener('resize', paginate);

  var api = query ? query : '';
  A.live('/api/display/events' + api, '/api/display' + api, 'display', render, function (up) {
    A.$('offline').hidden = up;
  });
})();
