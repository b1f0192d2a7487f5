/* Every site on one page, live (polls /api/sites and /api/notices). */
(function () {
  'use strict';
  var el = D.el, bi = D.bi;

  function statusBadge(site) {
    if (site.connected) return el('span', { 'class': 'badge ok' }, [bi('district.connected')]);
    var ago = site.silent_s === null ? null : D.duration(site.silent_s);
    var why = ago === null ? bi('district.never')
      : el('span', { 'class': 'bi' }, [el('span', { 'class': 'id', text: D.t('district.silent_for', [ago.firstChild.textContent]) }), ' ',
          el('span', { 'class': 'en', lang: 'en', text: D.pair('district.silent_for', [ago.lastChild.textContent])[1] })]);
    return el('span', { 'class': 'badge off' }, [bi('district.offline'), ' · ', why]);
  }

  function serviceRows(site) {
    var rows = [el('tr', null, [el('th', null, [bi('district.service')]), el('th', null, [bi('district.status')]),
      el('th', null, [bi('district.waiting')]), el('th', null, [bi('district.longest_wait')])])];
    // Only what needs the district's eye: services with people waiting or not running normally.
    site.services.forEach(function (s) {
      if (s.waiting === 0 && s.status === 'normal') return;
      rows.push(el('tr', { 'class': 'svc status-' + s.status, 'data-service': s.code }, [
        el('td', null, [D.biText(s.code + ' ' + s.name_id, s.name_en)]),
        el('td', null, [bi('status.' + s.status)]),
        el('td', { 'class': 'num waiting' }, [String(s.waiting)]),
        el('td', { 'class': 'num' }, [s.longest_wait_s === null ? '–' : D.duration(s.longest_wait_s)])]));
    });
    return rows.length > 1 ? el('table', { 'class': 'services' }, rows) : null;
  }

  function disruptionList(list) {
    if (!list.length) return el('p', { 'class': 'quiet' }, [bi('district.no_disruptions')]);
    return el('ul', { 'class': 'disruptions' }, list.map(function (d) {
      return el('li', { 'class': 'disruption level-' + d.level }, [
        el('strong', { text: d.resource + ' (' + D.t('status.' + (d.level === 'down' ? 'halted' : 'degraded')) + ')' }), ' ',
        D.biText(d.message_id, d.message_en), ' · ', bi('district.since', [D.clock(d.started_at)]),
        d.expected_end ? el('span', null, [' · ', bi('district.expected_back', [D.clock(d.expected_end)])]) : null]);
    }));
  }

  function resources(site) {
    var parts = [];
    if (site.printers) parts.push(el('div', { 'class': 'printers' + (site.printers.working < site.printers.total ? ' short' : '') }, [
      el('strong', null, [bi('district.printers')]), ' ', bi('district.printers_n_of_m', [site.printers.working, site.printers.total])]));
    site.blangko.forEach(function (b) {
      var days = b.days_left === null ? bi('district.blangko_no_rate', [b.stock])
        : bi('district.blangko_days', [b.stock, Math.floor(b.days_left)]);
      parts.push(el('div', { 'class': 'blangko' + (b.warn ? ' blangko-warn' : '') }, [
        el('strong', null, [bi('district.blangko')]), ' ', days,
        b.warn ? el('div', { 'class': 'warn' }, [bi('district.blangko_warn')]) : null]));
    });
    if (site.device_faults.length) parts.push(el('div', { 'class': 'faults' }, [el('strong', null, [bi('district.device_faults')]), ' ',
      site.device_faults.map(function (f) { return f.id + ': ' + f.state + (f.message ? ' (' + f.message + ')' : ''); }).join('; ')]));
    return el('div', { 'class': 'resources' }, parts);
  }

  // The site's come-back lists (the hub's counts, summed over its services): shown
  // when anyone is or was on one today.
  function comeback(site) {
    var c = site.comeback;
    if (!c || c.waiting + c.invited + c.came + c.expired === 0) return null;
    return el('div', { 'class': 'comeback' + (c.waiting ? ' waiting' : '') }, [
      el('strong', null, [bi('district.comeback')]), ' ',
      bi('district.comeback_counts', [c.waiting, c.invited, c.came, c.expired], 'span', 'counts')]);
  }

  // The district configuration this site runs against the one published for it.
  function configLine(site) {
    var c = site.config;
    if (!c || c.published === 0) return null;
    return el('div', { 'class': 'config-line' + (c.up_to_date ? ' quiet' : ' behind') }, [
      bi('district.config.short', [c.applied, c.published]), ' ',
      c.refused ? el('span', { 'class': 'refused' }, [bi('district.config.refused'), ': ', el('span', { 'class': 'reason', lang: 'en', text: c.refused })])
        : c.up_to_date ? null : bi('district.config.waiting')]);
  }

  // Set through the CSSOM: the page's Content-Security-Policy refuses style attributes.
  function progressBar(percent) {
    var inner = el('span', { 'class': 'bar-inner' });
    inner.style.width = Math.min(100, Math.max(0, percent)) + '%';
    return el('span', { 'class': 'bar-outer' }, [inner]);
  }

  // Progress towards each target of the site's current day or week (the centre's figure).
  function targets(site) {
    if (!site.targets || !site.targets.length) return null;
    return el('div', { 'class': 'targets' }, site.targets.map(function (t) {
      return el('div', { 'class': 'target' + (t.percent < 100 ? ' short' : ''), 'data-target': t.service + '-' + t.period }, [
        el('strong', null, [bi('district.target.' + t.period)]), ' ', t.service, ' ',
        progressBar(t.percent), ' ',
        bi('district.target.progress', [t.done, t.target, String(t.percent).replace('.', ',')], 'span', 'progress')]);
    }));
  }

  function card(site) {
    return el('article', { 'class': 'site-card' + (site.connected ? '' : ' offline') + (site.disruptions.length ? ' disrupted' : ''),
                           'data-site': site.site }, [
      el('h2', null, [el('a', { href: '/site/' + site.site, text: site.name })]),
      el('div', { 'class': 'link-state' }, [statusBadge(site), ' ',
        site.behind > 0 ? bi('district.behind', [site.behind], 'span', 'behind')
          : site.connected ? bi('district.up_to_date', null, 'span', 'quiet') : null]),
      el('div', { 'class': 'total' }, [el('strong', null, [bi('district.waiting')]), ' ', el('span', { 'class': 'num total-waiting', text: String(site.waiting) })]),
      serviceRows(site), comeback(site), targets(site), disruptionList(site.disruptions), resources(site), configLine(site)]);
  }

  D.poll('/api/sites', 2000, function (data) {
    var root = D.clear(D.$('sites'));
    data.sites.forEach(function (s) { root.appendChild(card(s)); });
  });

  D.poll('/api/notices', 3000, function (data) {
    var root = D.clear(D.$('notices'));
    var total = document.querySelectorAll('.site-card').length;
    data.notices.forEach(function (n) {
      var applied = 0;
      for (var s in n.applied) if (n.applied.hasOwnProperty(s) && n.applied[s].version === n.version && n.applied[s].state === n.state) applied++;
      var text = n.kind === 'disruption' ? D.biText(n.body.resource + ': ' + n.body.message_id, n.body.message_en) : D.biText(n.body.text);
      var clearBtn = n.state === 'active' ? el('button', { type: 'button', 'data-id': n.id }, [bi('district.notice.clear')]) : null;
      if (clearBtn) clearBtn.addEventListener('click', function () {
        D.request('POST', '/api/notices/' + n.id + '/clear', '{}', { 'Content-Type': 'application/json', 'X-District-Token': token() },
          function (status, d) { D.$('declare-result').textContent = status === 200 ? '' : (d && d.reason) || ('HTTP ' + status); });
      });
      root.appendChild(el('div', { 'class': 'notice ' + n.state, 'data-notice': n.id }, [text, ' · ',
        bi('district.published', [n.version]), ' · ', n.state === 'cleared' ? bi('district.cleared') : null, ' ',
        bi('district.applied', [applied, total], 'span', 'applied'), ' ', clearBtn]));
    });
  });

  function token() { var t = document.querySelector('#declare [name=token]').value; try { sessionStorage.setItem('district-token', t); } catch (e) {} return t; }
  try { document.querySelector('#declare [name=token]').value = sessionStorage.getItem('district-token') || ''; } catch (e) {}
  D.$('declare').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    var body = { resource: f.resource.value, level: 'down', message_id: f.message_id.value };
    if (f.message_en.value) body.message_en = f.message_en.value;
    D.request('POST', '/api/notices', JSON.stringify({ kind: 'disruption', body: body }),
      { 'Content-Type': 'application/json', 'X-District-Token': token() }, function (status, d) {
        D.$('declare-result').textContent = status === 201 ? '#' + d.id : (d && d.reason) || ('HTTP ' + status);
      });
  });
})();
