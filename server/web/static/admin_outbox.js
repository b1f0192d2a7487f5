/* /admin: messages to citizens' phones. Delivery state per channel and the latest
   failures (numbers masked), and one person's data by phone number: export, delete. */
(function () {
  'use strict';
  var box = A.$('outbox');
  if (!box) return;

  function table(status) {
    var rows = [A.el('tr', null, [A.el('th', null, [A.bi('web.outbox.channel')]), A.el('th', null, [A.bi('web.outbox.state')]),
                                  A.el('th', null, [A.bi('web.outbox.count')])])];
    Object.keys(status.channels).forEach(function (ch) {
      var c = status.channels[ch];
      Object.keys(c.states).forEach(function (st) {
        rows.push(A.el('tr', { 'data-channel': ch, 'data-state': st }, [A.el('td', { text: ch }), A.el('td', { text: st }),
                                                                          A.el('td', { text: String(c.states[st]) })]));
      });
      rows.push(A.el('tr', { 'data-channel': ch, 'data-state': 'failed_attempts' }, [A.el('td', { text: ch }),
        A.el('td', null, [A.bi('web.outbox.failed_attempts')]), A.el('td', { text: String(c.failed_attempts) })]));
    });
    return A.el('table', { 'class': 'grid', id: 'outbox-table' }, rows);
  }

  function failures(list) {
    var ul = A.el('ul', { id: 'outbox-failures' });
    list.forEach(function (f) {
      ul.appendChild(A.el('li', { text: f.id + ' · ' + f.channel + ' · ' + f.phone + ' · ' + f.state + ' · ' +
                                        f.attempts + ' × · ' + f.error }));
    });
    return ul;
  }

  function person(out) {
    var input = A.el('input', { type: 'tel', id: 'person-phone', placeholder: '0812 3456 7890', maxlength: '24' });
    var result = A.el('pre', { id: 'person-result', 'class': 'muted' });
    function act(what) {
      return A.el('button', { type: 'button', id: 'person-' + what }, [A.bi('web.outbox.' + what)]);
    }
    var exp = act('export'), del = act('delete');
    exp.addEventListener('click', function () {
      A.post('/api/admin/contact-export', { phone: input.value }, Signin.csrf(), function (status, data) {
        result.textContent = status === 200 ? JSON.stringify(data, null, 2) : A.reason(status, data);
      });
    });
    del.addEventListener('click', function () {
      if (!window.confirm(A.t('web.outbox.confirm_delete') + ' / ' + A.te('web.outbox.confirm_delete'))) return;
      A.post('/api/admin/contact-delete', { phone: input.value }, Signin.csrf(), function (status, data) {
        result.textContent = status === 200 ? A.t('web.outbox.deleted', [String(data.contacts), String(data.messages)])
                                            : A.reason(status, data);
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

  function load() {
    A.get('/api/admin/outbox', function (status, data) {
      if (status !== 200 || !data) return;  // not signed in (yet): admin.js asks
      box.hidden = false;
      A.clear(box);
      box.appendChild(A.bi('web.outbox.title', null, 'h2'));
      if (!data.sends) box.appendChild(A.bi('web.outbox.off', null, 'p'));
      box.appendChild(table(data));
      if (data.failures.length) {
        box.appendChild(A.bi('web.outbox.failures', null, 'h3'));
        box.appendChild(failures(data.failures));
      }
      person(box);
    });
  }
  load();
  setInterval(load, 5000);  // also shows the panel soon after signing in
})();
