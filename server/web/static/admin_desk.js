/* /admin, the information desk: find a ticket of today by its number (the hub's
   ticket_find: state, service, loket, times and what may be done), bring a no-show
   back into line, and close a loket left signed in after its PC crashed. Loaded after
   admin.js, which calls AdminDesk(view, tools) on every change of the hall. */
(function () {
  'use strict';
  var looked = '';  // the number last looked up: shown again after an action

  function row(labelKey, value) {
    return A.el('tr', null, [A.el('th', null, [A.bi(labelKey)]), A.el('td', null, [value])]);
  }

  function show(tools, r) {
    var box = A.clear(A.$('desk-result'));
    var t = r.ticket, rows = A.el('tbody');
    rows.appendChild(row('web.admin.col.status', A.bi('state.' + t.state)));
    rows.appendChild(row('web.admin.col.service', A.biText(t.service + ' ' + r.service_name_id, t.service + ' ' + r.service_name_en)));
    rows.appendChild(row('web.admin.col.loket', A.el('span', { text: r.counter_name || '–' })));
    var times = r.local_times || {}, names = ['issued', 'called', 'started', 'ended'];
    for (var i = 0; i < names.length; i++)
      if (times[names[i]]) rows.appendChild(row('web.admin.desk.' + names[i], A.el('span', { text: times[names[i]] })));
    if (r.ahead !== null && r.ahead !== undefined) rows.appendChild(row('web.admin.desk.ahead', A.el('span', { text: String(r.ahead) })));
    box.appendChild(A.el('h3', { id: 'desk-label', text: t.label }));
    box.appendChild(A.el('table', { id: 'desk-ticket' }, [rows]));
    var back = r.no_show_return;
    if (back && back.allowed) {
      box.appendChild(A.el('button', { type: 'button', id: 'desk-restore', onclick: function () {
        A.post('/api/admin/restore-no-show', { ticket: t.label }, Signin.csrf(), function (status, data) {
          if (status === 200) tools.say(true, A.t('web.admin.desk.restored', [t.label]) + ' / ' + A.te('web.admin.desk.restored', [t.label]));
          else tools.say(false, A.t('web.admin.refused') + ': ' + A.reason(status, data));
          find(tools, t.label);
        });
      } }, [A.bi('web.admin.desk.restore', [back.until_local])]));
    } else if (back) {
      box.appendChild(A.el('p', { id: 'desk-no-restore', 'class': 'note' }, [A.bi('web.admin.desk.no_restore'),
        A.el('span', { 'class': 'en', lang: 'en', text: back.reason })]));
    }
  }

  function find(tools, number) {
    looked = number;
    A.get('/api/admin/ticket?number=' + encodeURIComponent(number), function (status, data) {
      if (status === 200) return show(tools, data);
      A.clear(A.$('desk-result')).appendChild(A.el('p', { id: 'desk-error', 'class': 'bad' }, [A.bi('web.admin.refused'),
        A.el('span', { lang: 'en', text: ': ' + A.reason(status, data) })]));
    });
  }

  function build(tools) {
    var s = tools.section('desk', 'web.admin.nav.desk', 'web.admin.desk_note');
    var number = A.el('input', { id: 'desk-number', maxlength: '20', placeholder: 'A-006', autocomplete: 'off' });
    var f = A.el('form', { id: 'desk-form', 'class': 'inline' }, [tools.field('web.admin.desk.number', number),
      A.el('button', { type: 'submit', id: 'desk-find' }, [A.bi('web.admin.desk.find')])]);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (number.value.trim() !== '') find(tools, number.value.trim());
    });
    s.appendChild(f);
    s.appendChild(A.el('div', { id: 'desk-result' }));
    s.appendChild(A.bi('web.admin.desk.lokets', null, 'h3'));
    s.appendChild(A.bi('web.admin.desk.lokets_note', null, 'p')).className += ' note';
    s.appendChild(A.el('div', { id: 'desk-lokets' }));
    var overview = A.$('overview');
    overview.parentNode.insertBefore(s, overview.nextSibling);
  }

  window.AdminDesk = function (v, tools) {
    if (!A.$('desk')) build(tools);
    var signed = v.counters.filter(function (c) { return c.state !== 'closed'; });
    tools.part('desk-lokets', signed, function (box) {
      if (!signed.length) return box.appendChild(A.bi('web.admin.desk.none_signed_in', null, 'p'));
      var rows = A.el('tbody');
      for (var i = 0; i < signed.length; i++) {
        (function (c) {
          var reason = A.el('input', { id: 'force-reason-' + c.number, maxlength: '200' });
          var go = A.el('button', { type: 'button', 'class': 'danger force-out', 'data-number': String(c.number), onclick: function () {
            A.post('/api/admin/counters/' + c.number + '/force-sign-out', { reason: reason.value }, Signin.csrf(), function (status, data) {
              if (status !== 200) return tools.say(false, A.t('web.admin.refused') + ': ' + A.reason(status, data));
              tools.say(true, A.t('web.admin.desk.forced', [c.name]) + ' / ' + A.te('web.admin.desk.forced', [c.name]));
              if (looked) find(tools, looked);
            });
          } }, [A.bi('web.admin.desk.force')]);
          rows.appendChild(A.el('tr', { 'data-loket': c.number }, [A.el('td', { text: c.name }), A.el('td', null, [A.bi('counter_state.' + c.state)]),
            A.el('td', { text: c.staff_name || c.staff || '–' }), A.el('td', { text: c.ticket ? c.ticket.label : '–' }),
            A.el('td', null, [A.el('label', null, [A.bi('web.admin.desk.reason'), reason])]), A.el('td', null, [go])]));
        })(signed[i]);
      }
      box.appendChild(A.el('table', { id: 'desk-loket-table' }, [tools.th(['web.admin.col.loket', 'web.admin.col.state',
        'web.admin.col.staff', 'web.admin.col.ticket', 'web.admin.desk.reason', 'web.admin.col.actions']), rows]));
    });
  };
})();
