/* A come-back code's own page (/k/<code>; the QR on the kiosk's slip points here): the
   entry's service, place on the list, the invitation's window, or how it ended. Typing
   a code goes to its page. The entry changes a few times in its life (invited, came,
   expired), so the page asks again every 30 s instead of holding a live stream. */
(function () {
  'use strict';
  var code = decodeURIComponent(location.pathname.split('/')[2] || '');
  var entry = A.$('entry'), input = A.$('code-input'), error = A.$('code-error');
  var timer = null;

  function render(v, now) {
    A.$('office').textContent = v.office.short_name || v.office.name;
    document.title = A.t('web.comeback_page.title') + ' ' + v.code;
    input.value = v.code;
    A.clear(error);
    A.clear(entry);
    entry.className = 'entry state-' + v.state;
    entry.appendChild(A.biText(v.service.name_id, v.service.name_en, 'p')).className += ' service';
    entry.appendChild(A.el('p', { 'class': 'badge state-' + v.state, id: 'entry-state', 'data-state': v.state },
                           [A.bi('web.comeback_page.state.' + v.state)]));
    entry.appendChild(A.comebackBox(v, null, refresh));
    if (v.ticket) entry.appendChild(A.bi('web.comeback_page.ticket', [v.ticket], 'p'));
    entry.appendChild(A.bi('web.comeback_page.updated', [A.hhmm(now, v.office.offset_h)], 'p')).className += ' muted';
    // A number for the invitation only while one may still come.
    if (A.contactWanted) A.contactWanted(v.state === 'waiting' || v.state === 'invited');
  }

  function refresh() {
    if (timer) clearTimeout(timer);
    timer = null;
    A.get('/api/k/' + encodeURIComponent(code), function (status, data) {
      if (status === 200 && data) {
        render(data.view, data.now);
        timer = setTimeout(refresh, 30000);
        return;
      }
      A.clear(entry);
      if (A.contactWanted) A.contactWanted(false);
      error.textContent = A.reason(status, data);
      // Only a failure of the network or the hub is worth asking again by itself.
      if (status === 0 || status === 429 || status >= 500) timer = setTimeout(refresh, 30000);
    });
  }

  A.$('code-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var typed = input.value.replace(/[\s-]/g, '').toUpperCase();
    if (!typed) return;
    location.href = '/k/' + encodeURIComponent(typed);
  });
  if (code) refresh();
  else input.focus();
})();
