/* Reports across sites for a day, a month or a range; CSV for a spreadsheet. */
(function () {
  'use strict';
  var el = D.el, bi = D.bi;
  var f = D.$('query');
  var today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().substring(0, 10);
  f.from.value = today.substring(0, 8) + '01';
  f.to.value = today;
  function query() { return 'from=' + f.from.value + '&to=' + f.to.value + '&by=' + f.by.value; }
  function num(v, dec) { return v === null ? '–' : Number(v).toFixed(dec).replace('.', ','); }
  function show() {
    D.$('csv').href = '/api/report.csv?' + query();
    D.request('GET', '/api/report?' + query(), null, {}, function (status, data) {
      var p = D.$('problem');
      if (status !== 200) { p.textContent = (data && data.reason) || ('HTTP ' + status); p.hidden = false; return; }
      p.hidden = true;
      var root = D.clear(D.$('report'));
      if (!data.rows.length) { root.appendChild(el('p', null, [bi('district.report.none')])); return; }
      if (data.by === 'target') {
        var th = ['district.report.site_name', 'district.report.service', 'district.report.period', 'district.report.start',
                  'district.report.target', 'district.report.done', 'district.report.percent'];
        var trs = [el('tr', null, th.map(function (k) { return el('th', null, [bi(k)]); }))];
        data.rows.forEach(function (r) {
          trs.push(el('tr', { 'class': r.percent < 100 ? 'status-degraded' : '' }, [el('td', { text: r.name }), el('td', { text: r.service }),
            el('td', null, [bi('district.period.' + r.period)]), el('td', { text: r.start }),
            el('td', { 'class': 'num', text: String(r.target) }), el('td', { 'class': 'num', text: String(r.done) }),
            el('td', { 'class': 'num', text: num(r.percent, 1) })]));
        });
        root.appendChild(el('table', { 'class': 'services wide report targets-report' }, trs));
        return;
      }
      var keys = ['district.report.site_name', 'district.report.service', 'district.report.counter', 'district.report.day',
                  'district.report.issued', 'district.report.done', 'district.report.no_show', 'district.report.mean_wait',
                  'district.report.mean_serve'];
      var rows = [el('tr', null, keys.map(function (k) { return el('th', null, [bi(k)]); }))];
      data.rows.forEach(function (r) {
        rows.push(el('tr', null, [el('td', { text: r.name }), el('td', { text: r.service }), el('td', { text: r.counter ? String(r.counter) : '' }),
          el('td', { text: r.day }), el('td', { 'class': 'num', text: String(r.issued) }), el('td', { 'class': 'num', text: String(r.done) }),
          el('td', { 'class': 'num', text: String(r.no_show) }), el('td', { 'class': 'num', text: num(r.mean_wait_min, 1) }),
          el('td', { 'class': 'num', text: num(r.mean_serve_min, 1) })]));
      });
      root.appendChild(el('table', { 'class': 'services wide report' }, rows));
    });
  }
  f.addEventListener('submit', function (e) { e.preventDefault(); show(); });
  show();
})();
