/* The printable monthly report: every site (or one) for a month, one A4 page and more
   per site; figures come from /api/report/month (district/src/monthly_report.cpp). */
(function () {
  'use strict';
  var el = D.el, bi = D.bi;
  var f = D.$('query');
  var params = new URLSearchParams(location.search);
  var now = new Date(Date.now() + 7 * 3600 * 1000).toISOString();
  f.month.value = params.get('month') || now.substring(0, 7);
  var wantSite = params.get('site') || '';
  function num(v, dec) { return v === null || v === undefined ? '–' : Number(v).toFixed(dec || 0).replace('.', ','); }
  function int(v) { return v === null || v === undefined ? '–' : Number(v).toLocaleString('id-ID'); }
  function monthName(m) {
    var names = D.pair('web.common.months')[0].split(',');
    return names[Number(m.substring(5, 7)) - 1] + ' ' + m.substring(0, 4);
  }
  function query() { return 'month=' + encodeURIComponent(f.month.value) + (f.site.value ? '&site=' + encodeURIComponent(f.site.value) : ''); }
  function th(keys) { return el('tr', null, keys.map(function (k) { return el('th', null, [bi(k)]); })); }
  function td(text, cls) { return el('td', { 'class': cls === undefined ? 'num' : cls, text: text }); }
  function counts(x, refused) {
    return [td(int(x.issued)), td(int(x.done)), td(refused ? int(x.refused) : ''), td(int(x.no_show)), td(int(x.cancelled)),
            td(num(x.mean_wait_min, 1)), td(num(x.mean_serve_min, 1))];
  }
  var countKeys = ['district.report.issued', 'district.report.done', 'district.month.refused', 'district.report.no_show',
                   'district.report.cancelled', 'district.report.mean_wait', 'district.report.mean_serve'];
  function ikmText(ikm) {
    if (!ikm || !ikm.responses) return '–';
    return num(ikm.converted, 2) + ' (' + ikm.grade + ')';
  }
  function siteSection(s, data) {
    var sec = el('section', { 'class': 'month-site', 'data-site': s.site }, [
      el('h1', null, [bi('district.month.title')]),
      el('div', { 'class': 'month-head' }, [
        el('strong', { 'class': 'site-name', text: s.name }), ' · ', el('span', { 'class': 'month-name', text: monthName(data.month) }),
        el('span', { 'class': 'printed' }, [' · ', bi('district.month.printed'), ' ', D.clock(data.generated_at)])])]);
    var t = s.total;
    // Per service, with the month's total.
    var rows = [th(['district.report.service'].concat(countKeys, ['district.month.comeback', 'district.month.ikm']))];
    s.services.forEach(function (x) {
      rows.push(el('tr', { 'data-service': x.service }, [el('td', null, [x.service + ' ', D.biText(x.name_id, x.name_en)])].concat(
        counts(x, true), [td(int(x.comeback.joined) + ' / ' + int(x.comeback.checked_in), 'num comeback'), td(ikmText(x.ikm), 'num ikm')])));
    });
    rows.push(el('tr', { 'class': 'total' }, [el('td', null, [bi('district.month.total')])].concat(
      counts(t, true), [td(int(t.comeback.joined) + ' / ' + int(t.comeback.checked_in), 'num comeback'), td(ikmText(s.ikm), 'num ikm')])));
    sec.appendChild(el('h2', null, [bi('district.month.per_service')]));
    if (!s.services.length) sec.appendChild(el('p', { 'class': 'quiet' }, [bi('district.month.no_data')]));
    else sec.appendChild(el('table', { 'class': 'month services-month' }, rows));
    sec.appendChild(el('p', { 'class': 'note' }, [bi('district.month.comeback_note')]));
    // Per loket.
    if (s.counters.length) {
      var lr = [th(['district.report.counter'].concat(countKeys))];
      s.counters.forEach(function (x) { lr.push(el('tr', { 'data-counter': x.counter }, [td(String(x.counter), '')].concat(counts(x, false)))); });
      sec.appendChild(el('h2', null, [bi('district.month.per_counter')]));
      sec.appendChild(el('table', { 'class': 'month counters-month' }, lr));
    }
    // Blangko, IKM.
    var facts = el('div', { 'class': 'month-facts' });
    s.blangko.forEach(function (b) {
      facts.appendChild(el('div', { 'class': 'blangko-month' }, [bi('district.month.blangko_used'), ': ', el('strong', { text: int(b.used) }),
        ' · ', bi('district.month.stock_end'), ': ', int(b.stock_end)]));
    });
    if (!s.blangko.length) facts.appendChild(el('div', { 'class': 'blangko-month' }, [bi('district.month.blangko_used'), ': 0']));
    var g = s.ikm && s.ikm.responses ? D.pair('survey.grade.' + s.ikm.grade) : null;
    facts.appendChild(el('div', { 'class': 'ikm-month' }, [bi('district.month.ikm'), ': ', el('strong', { text: ikmText(s.ikm) }),
      g ? ' ' : null, g ? D.biText(g[0], g[1]) : null, ' · ', bi('district.month.ikm_responses'), ': ', int(s.ikm ? s.ikm.responses : 0)]));
    sec.appendChild(facts);
    // Targets and their progress.
    if (s.targets.length) {
      var tr = [th(['district.report.service', 'district.report.period', 'district.report.start', 'district.report.target',
                    'district.report.done', 'district.report.percent'])];
      s.targets.forEach(function (x) {
        tr.push(el('tr', { 'class': x.percent < 100 ? 'short' : '' }, [td(x.service, ''), el('td', null, [bi('district.period.' + x.period)]),
          td(x.start, ''), td(int(x.target)), td(int(x.done)), td(num(x.percent, 1))]));
      });
      sec.appendChild(el('h2', null, [bi('district.targets')]));
      sec.appendChild(el('table', { 'class': 'month targets-month' }, tr));
    }
    sec.appendChild(el('div', { 'class': 'signature' }, [el('div', { text: monthName(data.month) }), bi('district.month.signature', null, 'div'),
      el('div', { 'class': 'sign-line' })]));
    return sec;
  }
  function show() {
    D.$('csv').href = '/api/report/month.csv?' + query();
    history.replaceState(null, '', '/reports/month?' + query());
    D.request('GET', '/api/report/month?' + query(), null, {}, function (status, data) {
      var p = D.$('problem');
      var root = D.clear(D.$('report'));
      if (status !== 200) { p.textContent = (data && data.reason) || ('HTTP ' + status); p.hidden = false; return; }
      p.hidden = true;
      if (!data.sites.length) root.appendChild(el('p', null, [bi('district.month.no_data')]));
      data.sites.forEach(function (s) { root.appendChild(siteSection(s, data)); });
      document.body.setAttribute('data-ready', data.month);
    });
  }
  // The site list for the form, then the report.
  D.request('GET', '/api/sites', null, {}, function (status, data) {
    if (status === 200 && data) data.sites.forEach(function (s) { f.site.appendChild(el('option', { value: s.site, text: s.name })); });
    f.site.value = wantSite;
    show();
  });
  f.addEventListener('submit', function (e) { e.preventDefault(); show(); });
})();
