/* /admin: one action for a day's bookings (issue 17 part 3). When a service halts on a
   booked day (the printers, the blangko), the office moves every open booking of that
   service and day to another day, or cancels them; each booker gets a message. The
   hub decides (booking_move: all or nothing, the nearest free slots); the page only asks.
   Loaded after admin.js, which calls AdminBookings(view, tools) on every change. */
(function () {
  'use strict';

  function option(value, text) { return A.el('option', { value: value, text: text }); }

  // The services that take bookings (their config carries "booking" only then).
  function bookable(v) { return v.services.filter(function (svc) { return svc.config && svc.config.booking; }); }

  function build(v, tools) {
    var s = tools.section('booking-move', 'web.admin.bookmove.title', 'web.admin.bookmove.note');
    var service = A.el('select', { id: 'bk-service' });
    bookable(v).forEach(function (svc) { service.appendChild(option(svc.code, svc.code + ' ' + svc.name_id)); });
    var date = A.el('input', { type: 'date', id: 'bk-date', required: 'required' });
    var action = A.el('select', { id: 'bk-action' }, [
      option('move', A.t('web.admin.bookmove.move') + ' / ' + A.te('web.admin.bookmove.move')),
      option('cancel', A.t('web.admin.bookmove.cancel') + ' / ' + A.te('web.admin.bookmove.cancel'))]);
    var to = A.el('input', { type: 'date', id: 'bk-to' });
    var toLabel = tools.field('web.admin.bookmove.to_date', to);
    var reason = A.el('input', { id: 'bk-reason', maxlength: '120', required: 'required' });
    action.addEventListener('change', function () { toLabel.hidden = action.value !== 'move'; });
    var form = A.el('form', { id: 'booking-move-form', 'class': 'grid' }, [
      tools.field('web.admin.col.service', service), tools.field('web.admin.bookmove.date', date),
      tools.field('web.admin.bookmove.action', action), toLabel, tools.field('web.admin.bookmove.reason', reason),
      A.el('button', { type: 'submit', id: 'bk-submit', 'class': 'danger' }, [A.bi('web.admin.bookmove.submit')])]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var cancel = action.value === 'cancel';
      var ask = cancel ? 'web.admin.bookmove.confirm_cancel' : 'web.admin.bookmove.confirm_move';
      var args = [service.value, date.value, to.value];
      if (!window.confirm(A.t(ask, args) + '\n' + A.te(ask, args))) return;
      var body = { service: service.value, date: date.value, reason: reason.value };
      if (cancel) body.cancel = true; else body.to_date = to.value;
      A.post('/api/admin/booking-move', body, Signin.csrf(), function (status, data) {
        if (status !== 200) return tools.say(false, A.t('web.admin.refused') + ': ' + A.reason(status, data));
        var key = data.cancelled ? 'web.admin.bookmove.cancelled' : 'web.admin.bookmove.moved';
        var a = [String(data.count), String(data.messaged), data.to_date || ''];
        var said = A.t(key, a) + ' / ' + A.te(key, a);
        if (data.duplicates) {
          var d = [String(data.duplicates), data.to_date];
          said += '. ' + A.t('web.admin.bookmove.duplicates', d) + ' / ' + A.te('web.admin.bookmove.duplicates', d);
        }
        tools.say(true, said);
      });
    });
    s.appendChild(form);
    var before = A.$('comeback') || A.$('devices') || A.$('overview');
    before.parentNode.insertBefore(s, before);
  }

  window.AdminBookings = function (v, tools) {
    if (!A.$('booking-move') && bookable(v).length) build(v, tools);
  };
})();
