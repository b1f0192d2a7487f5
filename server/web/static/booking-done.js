/* The confirmation page of one booking (/booking/<token>): its code large, a QR of the
   code, when to check in at the kiosk, its state, and cancel. */
(function () {
  'use strict';
  var token = location.pathname.split('/')[2] || '';
  var box = A.$('booking-view');

  function row(key, node) {
    return A.el('div', { 'class': 'row' }, [A.el('dt', null, [A.bi(key)]), A.el('dd', null, [node])]);
  }

  function show(b) {
    A.clear(box);
    var code = b.code.substring(0, 4) + ' ' + b.code.substring(4);
    box.appendChild(A.el('dl', { 'class': 'booking-facts' }, [
      row('web.booking.code', A.el('span', { 'class': 'booking-code', id: 'booking-code', text: code })),
      row('web.booking.service', A.biText(b.name_id, b.name_en)),
      row('web.booking.when', A.biText(b.when_id, b.when_en)),
      row('web.booking.state.booked', state(b))
    ]));
    box.querySelector('.row:last-child dt').replaceChild(A.biText('Status', 'State'), box.querySelector('.row:last-child dt').firstChild);
    if (b.moved_from) box.appendChild(A.bi('web.booking.moved', [b.moved_from], 'p'));
    if (b.state !== 'booked') return;
    box.appendChild(A.el('img', { 'class': 'booking-qr', src: '/api/booking/' + token + '/qr.svg',
                                  alt: A.t('web.booking.qr') + ' ' + b.code, width: '200', height: '200' }));
    box.appendChild(A.bi('web.booking.checkin', [b.checkin_from, b.checkin_until], 'p'));
    box.appendChild(A.bi('web.booking.keep', null, 'p'));
    var err = A.el('p', { 'class': 'error', role: 'alert' });
    var cancel = A.el('button', { type: 'button', id: 'booking-cancel', 'class': 'secondary' }, [A.bi('web.booking.cancel')]);
    cancel.addEventListener('click', function () {
      cancel.disabled = true;
      A.post('/api/booking/' + token + '/cancel', {}, '', function (status, data) {
        cancel.disabled = false;
        if (status === 200) { load(true); return; }
        err.textContent = A.reason(status, data);
      });
    });
    box.appendChild(cancel);
    box.appendChild(err);
  }

  function state(b) {
    if (b.state === 'checked_in') return A.bi('web.booking.state.checked_in', [b.ticket || '']);
    return A.bi('web.booking.state.' + b.state);
  }

  function load(cancelled) {
    A.get('/api/booking/' + token, function (status, data) {
      if (status !== 200 || !data || !data.booking) {
        A.clear(box).appendChild(status === 404 ? A.bi('web.booking.not_found', null, 'p') : A.el('p', { text: A.reason(status, data) }));
        return;
      }
      show(data.booking);
      if (cancelled) box.appendChild(A.bi('web.booking.cancelled_now', null, 'p'));
    });
  }
  load(false);
})();
