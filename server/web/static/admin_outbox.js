/* /admin: messages to citizens' phones. Delivery state per channel and the latest
   failures (numbers masked), and one person's data by phone number: export, delete. */
(function () {
  'use strict';
  var box = A.$('outbox');
  if (!box) return;

  // "retrying", "sms": the strings table's words for the hub's codes.
  function word(prefix, code) {
    var key = 'web.outbox.' + prefix + '.' + code;
    return A.biText(A.t(key), A.te(key));  // "Webhook (WhatsApp)" once, not twice
  }
  function cell(content) { return A.el('td', null, [content]); }
  function headRow(keys) {
    return A.el('thead', null, [A.el('tr', null, keys.map(function (k) { return A.el('th', null, [A.bi(k)]); }))]);
  }

  function table(status) {
    var body = A.el('tbody');
    Object.keys(status.channels).forEach(function (ch) {
      var c = status.channels[ch];
      Object.keys(c.states).forEach(function (st) {
        body.appendChild(A.el('tr', { 'data-channel': ch, 'data-state': st },
                              [cell(word('channel', ch)), cell(word('state', st)), cell(String(c.states[st]))]));
      });
      body.appendChild(A.el('tr', { 'data-channel': ch, 'data-state': 'failed_attempts' },
                            [cell(word('channel', ch)), cell(A.bi('web.outbox.failed_attempts')), cell(String(c.failed_attempts))]));
    });
    return A.el('table', { 'class': 'report', id: 'outbox-table' },
                [headRow(['web.outbox.channel', 'web.outbox.state', 'web.outbox.count']), body]);
  }

  function failures(list) {
    var body = A.el('tbody');
    list.forEach(function (f) {
      // The gateway's own words, as it gave them (a technical detail for the vendor).
      body.appendChild(A.el('tr', null, [cell(f.id), cell(f.phone), cell(word('channel', f.channel)), cell(word('state', f.state)),
                                         cell(String(f.attempts)), A.el('td', { lang: 'en', text: f.error })]));
    });
    return A.el('table', { 'class': 'report', id: 'outbox-failures' }, [headRow(['web.outbox.message_id', 'web.contact.phone',
      'web.outbox.channel', 'web.outbox.state', 'web.outbox.attempts', 'web.outbox.error']), body]);
  }

  // One person's data as the office hands it over, readable.
  function exported(data) {
    var box = A.el('div', { id: 'person-export' }, [A.el('p', null, [A.el('strong', { text: data.phone })])]);
    var contacts = A.el('tbody');
    data.contacts.forEach(function (c) {
      contacts.appendChild(A.el('tr', null, [cell(c.day), cell(String(c.ticket_id))]));
    });
    box.appendChild(A.bi('web.outbox.export.contacts', [String(data.contacts.length)], 'h4'));
    if (data.contacts.length)
      box.appendChild(A.el('table', { 'class': 'report' }, [headRow(['web.outbox.export.day', 'web.outbox.export.ticket_id']),
                                                               contacts]));
    var messages = A.el('tbody');
    data.messages.forEach(function (m) {
      messages.appendChild(A.el('tr', null, [cell(m.day), cell(m.ticket), cell(word('channel', m.channel)),
                                             cell(word('state', m.state)), cell(m.text)]));
    });
    box.appendChild(A.bi('web.outbox.export.messages', [String(data.messages.length)], 'h4'));
    if (data.messages.length)
      box.appendChild(A.el('table', { 'class': 'report' }, [headRow(['web.outbox.export.day', 'web.outbox.export.ticket',
        'web.outbox.channel', 'web.outbox.state', 'web.outbox.export.text']), messages]));
    return box;
  }

  function person(out) {
    var input = A.el('input', { type: 'tel', id: 'person-phone', placeholder: '0812 3456 7890', maxlength: '24' });
    var result = A.el('div', { id: 'person-result', role: 'status' });
    function act(what) {
      return A.el('button', { type: 'button', id: 'person-' + what }, [A.bi('web.outbox.' + what)]);
    }
    var exp = act('export'), del = act('delete');
    exp.addEventListener('click', function () {
      A.post('/api/admin/contact-export', { phone: input.value }, Signin.csrf(), function (status, data) {
        A.clear(result);
        if (status === 200) result.appendChild(exported(data));
        else result.appendChild(A.el('p', { 'class': 'error', text: A.reason(status, data) }));
      });
    });
    del.addEventListener('click', function () {
      if (!window.confirm(A.t('web.outbox.confirm_delete') + ' / ' + A.te('web.outbox.confirm_delete'))) return;
      A.post('/api/admin/contact-delete', { phone: input.value }, Signin.csrf(), function (status, data) {
        A.clear(result);
        result.appendChild(status === 200 ? A.bi('web.outbox.deleted', [String(data.contacts), String(data.messages)], 'p')
                                          : A.el('p', { 'class': 'error', text: A.reason(status, data) }));
        load();
      });
    });
    out.appendChild(A.bi('web.outbox.person', null, 'h3'));
    out.appendChild(A.el('label', { 'for': 'person-phone' }, [A.bi('web.contact.phone')]));
    out.appendChild(input);
    out.appendChild(exp);
    out.appendChild(del);
    out.appendChild(result);
  }

  // The status part is redrawn every 5 s; the person part is built once, so what the
  // admin typed and the answer to an export or a delete stay on screen.
  var statusBox = null;
  function load() {
    A.get('/api/admin/outbox', function (status, data) {
      if (status !== 200 || !data) return;  // not signed in (yet): admin.js asks
      if (!statusBox) {
        box.hidden = false;
        A.clear(box);
        box.appendChild(A.bi('web.outbox.title', null, 'h2'));
        statusBox = A.el('div', { id: 'outbox-status' });
        box.appendChild(statusBox);
        person(box);
      }
      A.clear(statusBox);
      if (!data.sends) statusBox.appendChild(A.bi('web.outbox.off', null, 'p'));
      statusBox.appendChild(table(data));
      if (data.failures.length) {
        statusBox.appendChild(A.bi('web.outbox.failures', null, 'h3'));
        statusBox.appendChild(failures(data.failures));
      }
    });
  }
  load();
  setInterval(load, 5000);  // also shows the panel soon after signing in
})();
