/* One site's hall, live (polls /api/sites/ID). */
(function () {
  'use strict';
  var el = D.el, bi = D.bi;
  var id = location.pathname.split('/')[2];
  D.poll('/api/sites/' + encodeURIComponent(id), 2000, function (s) {
    D.$('site-name').textContent = s.name;
    var root = D.clear(D.$('site'));
    root.appendChild(el('p', null, [s.connected ? bi('district.connected', null, 'span', 'badge ok') : bi('district.offline', null, 'span', 'badge off'),
      ' ', s.behind > 0 ? bi('district.behind', [s.behind]) : bi('district.up_to_date')]));
    var head = ['district.service', 'district.status', 'district.waiting', 'district.longest_wait', 'district.open_counters',
                'district.issued', 'district.done', 'district.tickets_left'];
    var rows = [el('tr', null, head.map(function (k) { return el('th', null, [bi(k)]); }))];
    s.services.forEach(function (x) {
      rows.push(el('tr', { 'class': 'status-' + x.status }, [el('td', null, [D.biText(x.code + ' ' + x.name_id, x.name_en)]),
        el('td', null, [bi('status.' + x.status)]), el('td', { 'class': 'num', text: String(x.waiting) }),
        el('td', { 'class': 'num' }, [x.longest_wait_s === null ? '–' : D.duration(x.longest_wait_s)]),
        el('td', { 'class': 'num', text: String(x.open_counters) }), el('td', { 'class': 'num', text: String(x.issued_today) }),
        el('td', { 'class': 'num', text: String(x.done_today) }),
        el('td', { 'class': 'num', text: x.tickets_left === null ? '–' : String(x.tickets_left) })]));
    });
    root.appendChild(el('h2', null, [bi('district.hall')]));
    root.appendChild(el('table', { 'class': 'services wide' }, rows));
    if (s.config && s.config.published) root.appendChild(el('p', { 'class': 'config-line' }, [el('strong', null, [bi('district.config')]), ' ',
      bi('district.config.short', [s.config.applied, s.config.published]), ' ',
      s.config.refused ? el('span', { 'class': 'refused' }, [bi('district.config.refused'), ': ', el('span', { 'class': 'reason', lang: 'en', text: s.config.refused })])
        : bi(s.config.up_to_date ? 'district.config.up_to_date' : 'district.config.waiting')]));
    (s.targets || []).forEach(function (t) {
      root.appendChild(el('p', { 'class': 'target', 'data-target': t.service + '-' + t.period }, [el('strong', null, [bi('district.target.' + t.period)]), ' ',
        t.service + ' ', bi('district.target.progress', [t.done, t.target, String(t.percent).replace('.', ',')])]));
    });
    if (s.announcement) root.appendChild(el('p', { 'class': 'announcement' }, [el('strong', null, [bi('district.announcement')]), ' ', s.announcement]));
    root.appendChild(el('h2', null, [bi('district.disruptions')]));
    root.appendChild(s.disruptions.length ? el('ul', null, s.disruptions.map(function (d) {
      return el('li', { 'class': 'disruption' }, [el('strong', { text: d.resource }), ' ', D.biText(d.message_id, d.message_en), ' · ',
        bi('district.since', [D.clock(d.started_at)])]);
    })) : el('p', null, [bi('district.no_disruptions')]));
    root.appendChild(el('h2', null, [bi('district.today')]));
    var t = [el('tr', null, ['district.service', 'district.counter', 'district.issued', 'district.done', 'district.longest_wait'].map(function (k, i) {
      return el('th', null, [bi(i === 4 ? 'district.report.mean_wait' : k)]);
    }))];
    s.today.forEach(function (r) {
      t.push(el('tr', null, [el('td', { text: r.service }), el('td', { text: r.counter ? String(r.counter) : '–' }),
        el('td', { 'class': 'num', text: String(r.issued) }), el('td', { 'class': 'num', text: String(r.done) }),
        el('td', { 'class': 'num', text: r.mean_wait_s === null ? '–' : (r.mean_wait_s / 60).toFixed(1).replace('.', ',') })]));
    });
    root.appendChild(el('table', { 'class': 'services' }, t));
  });
})();
