/* /reports: a day or a range of days; tables per service, loket and staff member,
   arrivals per hour as a chart, disruption time per resource; CSV of every table. */
(function () {
  'use strict';
  var main = A.$('main');
  var fromIn, toIn, out, today = null;

  function td(v, cls) { return A.el('td', cls ? { 'class': cls } : null, [v === null || v === undefined ? '–' : typeof v === 'object' ? v : String(v)]); }
  function th(keys) {
    var tr = A.el('tr');
    for (var i = 0; i < keys.length; i++) tr.appendChild(A.el('th', null, [A.bi(keys[i])]));
    return A.el('thead', null, [tr]);
  }
  function csvLink(table, r) {
    return A.el('a', { href: '/api/reports.csv?table=' + table + '&from=' + r.from + '&to=' + r.to, 'class': 'csv', id: 'csv-' + table, download: '' },
                [A.bi('web.reports.csv')]);
  }
  function block(id, titleKey, table, r, content) {
    return A.el('section', { 'class': 'card', id: id }, [A.el('div', { 'class': 'card-head' }, [A.bi(titleKey, null, 'h2'), table ? csvLink(table, r) : null]), content]);
  }

  function groupTable(rows, firstKey, withIssued, totals) {
    var body = A.el('tbody');
    var all = totals ? rows.concat([totals]) : rows;
    for (var i = 0; i < all.length; i++) {
      var x = all[i], total = x === totals;
      var cells = [td(total ? A.bi('web.reports.total') : A.biText((firstKey === 'web.reports.col.service' ? x.key + ' · ' : '') + x.name_id, x.name_en))];
      if (withIssued) cells.push(td(x.issued), td(x.refused), td(x.refused_quota));
      cells.push(td(x.called), td(x.served), td(x.no_show), td(x.cancelled + x.transferred_out),
                 td(A.duration(x.wait.mean_s)), td(A.duration(x.wait.p90_s)), td(A.duration(x.service.mean_s)), td(A.duration(x.service.p90_s)));
      body.appendChild(A.el('tr', { 'class': total ? 'total' : null, 'data-key': x.key }, cells));
    }
    var head = [firstKey];
    if (withIssued) head.push('web.reports.col.issued', 'web.reports.col.refused', 'web.reports.col.refused_quota');
    head.push('web.reports.col.called', 'web.reports.col.served', 'web.reports.col.no_show', 'web.reports.col.other_end',
              'web.reports.col.wait_mean', 'web.reports.col.wait_p90', 'web.reports.col.service_mean', 'web.reports.col.service_p90');
    if (!rows.length) return A.bi('web.reports.empty', null, 'p');
    return A.el('table', { 'class': 'report' }, [th(head), body]);
  }

  function hoursChart(r) {
    var first = 7, last = 16;
    for (var h = 0; h < 24; h++) if (r.arrivals_by_hour[h] > 0) { first = Math.min(first, h); last = Math.max(last, h); }
    var values = [], labels = [];
    for (var k = first; k <= last; k++) { values.push(r.arrivals_by_hour[k]); labels.push((k < 10 ? '0' : '') + k); }
    return A.el('div', { id: 'arrivals-chart' }, [Chart.bars(values, labels, A.t('web.reports.arrivals') + ' / ' + A.te('web.reports.arrivals'))]);
  }

  function disruptionTable(r) {
    if (!r.disruptions.length) return A.bi('web.reports.no_disruptions', null, 'p');
    var body = A.el('tbody');
    for (var i = 0; i < r.disruptions.length; i++) {
      var d = r.disruptions[i];
      body.appendChild(A.el('tr', { 'data-key': d.resource }, [td(A.biText(d.name_id, d.name_en)), td(d.count), td(A.duration(d.down_s)), td(A.duration(d.degraded_s)), td(A.duration(d.total_s))]));
    }
    return A.el('table', { 'class': 'report' }, [th(['web.reports.col.resource', 'web.reports.col.count', 'web.reports.col.down',
      'web.reports.col.degraded', 'web.reports.col.total_time']), body]);
  }

  // The come-back lists (issue 17): joined (and how), invited, came, expired.
  function comebackTable(r) {
    var rows = r.comeback || [];
    if (!rows.length || !rows[0].joined && !rows[0].invited && !rows[0].came && !rows[0].expired)
      return A.bi('web.reports.comeback.none', null, 'p');
    var body = A.el('tbody');
    for (var i = 0; i < rows.length; i++) {
      var x = rows[i];
      body.appendChild(A.el('tr', { 'data-service': x.service }, [
        td(x.service === '' ? A.bi('web.reports.total') : A.biText(x.service + ' · ' + x.name_id, x.name_en)),
        td(x.joined), td(x.joined_kiosk), td(x.joined_refusal), td(x.joined_bulk_move), td(x.invited), td(x.came), td(x.expired)]));
    }
    return A.el('table', { 'class': 'report', id: 'comeback-report' }, [th(['web.reports.col.service',
      'web.reports.comeback.joined', 'web.reports.comeback.kiosk', 'web.reports.comeback.refusal',
      'web.reports.comeback.bulk_move', 'web.admin.comeback.invited', 'web.admin.comeback.came',
      'web.admin.comeback.expired']), body]);
  }

  // The satisfaction survey's index (IKM): the office, each service, each loket.
  var ELEMENTS = A.surveyElements();  // survey.h's order, from the page
  function two(v) { return v === null ? null : v.toFixed(2).replace('.', ','); }
  // Bookings per service and day (the hub's booking_days, the same rows as the CSV):
  // booked (still open), checked in, expired, cancelled, moved away from that day.
  function bookingTable(r) {
    var body = A.el('tbody');
    (r.booking_days || []).forEach(function (b) {
      var cells = [b.service, b.date, b.booked, b.checked_in, b.expired, b.cancelled, b.moved].map(function (v) {
        return A.el('td', { text: String(v) });
      });
      body.appendChild(A.el('tr', { 'data-service': b.service, 'data-date': b.date }, cells));
    });
    var head = A.el('tr');
    ['web.reports.col.service', 'web.reports.col.date', 'web.admin.col.booked', 'web.admin.col.checked_in', 'web.admin.col.expired',
     'web.admin.col.cancelled', 'web.admin.col.moved']
      .forEach(function (k) { head.appendChild(A.el('th', null, [A.bi(k)])); });
    return A.el('table', { 'class': 'report', id: 'booking-table' }, [A.el('thead', null, [head]), body]);
  }

  function ikmTable(r) {
    if (!r.ikm.length || !r.ikm[0].responses) return A.bi('survey.grade.-', null, 'p');
    var body = A.el('tbody');
    for (var i = 0; i < r.ikm.length; i++) {
      var x = r.ikm[i];
      var name = x.group === 'total' ? A.bi('web.reports.total') : A.biText((x.group === 'service' ? x.key + ' · ' : '') + x.name_id, x.name_en);
      var cells = [td(name), td(x.responses)];
      for (var k = 0; k < ELEMENTS.length; k++) cells.push(td(two(x.nrr[ELEMENTS[k]])));
      cells.push(td(A.el('strong', { text: two(x.converted) })), td(A.biText(x.grade + ' · ' + A.t('survey.grade.' + x.grade), x.grade + ' · ' + A.te('survey.grade.' + x.grade))));
      body.appendChild(A.el('tr', { 'class': x.group === 'total' ? 'total' : null, 'data-group': x.group, 'data-key': x.key }, cells));
    }
    // U1..U9 as the regulation's forms print them, named in a legend under the table.
    var tr = A.el('tr', null, [A.el('th', null, [A.bi('web.reports.col.service')]), A.el('th', null, [A.bi('survey.report.responses')])]);
    var legend = [];
    for (var j = 0; j < ELEMENTS.length; j++) {
      var u = 'U' + (j + 1);
      tr.appendChild(A.el('th', { title: A.t('survey.element.' + ELEMENTS[j]) + ' / ' + A.te('survey.element.' + ELEMENTS[j]) }, [u]));
      legend.push(A.el('span', { 'class': 'bi' }, [A.el('span', { 'class': 'id', text: u + ' ' + A.t('survey.element.' + ELEMENTS[j]) }),
                                                  A.el('span', { 'class': 'en', lang: 'en', text: A.te('survey.element.' + ELEMENTS[j]) })]));
    }
    tr.appendChild(A.el('th', null, [A.bi('survey.report.ikm')]));
    tr.appendChild(A.el('th', null, [A.bi('survey.report.grade')]));
    var legendBox = A.el('p', { 'class': 'ikm-legend' }, [A.bi('survey.report.nrr'), ': ']);
    legend.forEach(function (l, i) { if (i) legendBox.appendChild(document.createTextNode(' · ')); legendBox.appendChild(l); });
    return A.el('div', { 'class': 'wide' }, [A.el('table', { 'class': 'report', id: 'ikm-table' }, [A.el('thead', null, [tr]), body]),
                                            legendBox, A.bi('survey.report.note', null, 'p')]);
  }

  function show(r) {
    A.$('office').textContent = r.office;
    A.clear(out);
    var t = r.totals;
    var range = r.from === r.to ? r.from : r.from + ' – ' + r.to;
    out.appendChild(A.el('h2', { id: 'range', text: range }));
    var cards = [['web.reports.col.issued', t.issued], ['web.reports.col.served', t.served], ['web.reports.col.no_show', t.no_show],
                 ['web.reports.col.refused_quota', t.refused_quota], ['web.reports.col.wait_mean', A.duration(t.wait.mean_s)],
                 ['web.reports.col.wait_p90', A.duration(t.wait.p90_s)]];
    var box = A.el('div', { 'class': 'cards', id: 'report-totals' });
    for (var i = 0; i < cards.length; i++) box.appendChild(A.el('div', { 'class': 'stat' }, [A.el('strong', { text: String(cards[i][1]) }), A.bi(cards[i][0])]));
    out.appendChild(box);
    out.appendChild(block('per-service', 'web.reports.per_service', 'services', r, groupTable(r.services, 'web.reports.col.service', true, r.totals)));
    out.appendChild(block('arrivals', 'web.reports.arrivals', 'hours', r, hoursChart(r)));
    out.appendChild(block('per-loket', 'web.reports.per_loket', 'lokets', r, groupTable(r.lokets, 'web.reports.col.loket', false)));
    out.appendChild(block('per-staff', 'web.reports.per_staff', 'staff', r, groupTable(r.staff, 'web.reports.col.staff', false)));
    out.appendChild(block('disruption-time', 'web.reports.disruptions', 'disruptions', r, disruptionTable(r)));
    out.appendChild(block('ikm', 'survey.report.title', 'ikm', r, ikmTable(r)));
    if (r.booking_days && r.booking_days.length) out.appendChild(block('bookings', 'web.admin.bookings_period', 'bookings', r, bookingTable(r)));
    out.appendChild(block('comeback-lists', 'web.admin.comeback.title', 'comeback', r, comebackTable(r)));
    out.appendChild(A.bi('web.reports.note', null, 'p')).className += ' note';
    document.body.setAttribute('data-report', r.from + '_' + r.to);
  }

  function load() {
    var q = '?from=' + encodeURIComponent(fromIn.value) + '&to=' + encodeURIComponent(toIn.value || fromIn.value);
    history.replaceState(null, '', '/reports' + q);
    A.clear(out).appendChild(A.bi('web.common.loading', null, 'p'));
    A.get('/api/reports' + q, function (status, data) {
      if (status === 200) { today = data.today; show(data); return; }
      A.clear(out).appendChild(A.el('p', { 'class': 'error', text: A.reason(status, data) }));
    });
  }
  function preset(fromDelta, toDelta) {
    return function () {
      fromIn.value = shift(today, fromDelta);
      toIn.value = shift(today, toDelta);
      load();
    };
  }
  function shift(day, delta) {
    var d = new Date(day + 'T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + delta);
    return d.toISOString().substring(0, 10);
  }

  function start(session) {
    Signin.who(A.$('who'));
    var params = {};
    location.search.replace(/^\?/, '').split('&').forEach(function (kv) { var p = kv.split('='); if (p[0]) params[p[0]] = decodeURIComponent(p[1] || ''); });
    fromIn = A.el('input', { type: 'date', id: 'from', required: 'required' });
    toIn = A.el('input', { type: 'date', id: 'to' });
    var f = A.el('form', { 'class': 'card controls', id: 'range-form' }, [
      A.el('label', null, [A.bi('web.reports.from'), fromIn]), A.el('label', null, [A.bi('web.reports.to'), toIn]),
      A.el('button', { type: 'submit', id: 'show' }, [A.bi('web.reports.show')]),
      A.el('button', { type: 'button', id: 'today', onclick: preset(0, 0) }, [A.bi('web.reports.today')]),
      A.el('button', { type: 'button', id: 'yesterday', onclick: preset(-1, -1) }, [A.bi('web.reports.yesterday')]),
      A.el('button', { type: 'button', id: 'week', onclick: preset(-7, -1) }, [A.bi('web.reports.last7')])]);
    f.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    out = A.el('div', { id: 'report' });
    A.clear(main).appendChild(f);
    main.appendChild(out);
    if (params.from) {
      fromIn.value = params.from;
      toIn.value = params.to || params.from;
      load();
      return;
    }
    // No date asked for: yesterday, the office head's usual question.
    A.get('/api/reports', function (status, data) {
      if (status !== 200) { A.clear(out).appendChild(A.el('p', { 'class': 'error', text: A.reason(status, data) })); return; }
      today = data.today;
      fromIn.value = toIn.value = shift(today, -1);
      load();
    });
  }

  Signin.require(main, start);
})();
