/* The booking page: a service, a day and a slot with its free places (from the hub's
   figures, GET /api/booking/options), then name, phone and NIK, checked here first
   (Indonesian first, English under it) and again by the hub (POST /api/booking).
   On success the confirmation page of the booking opens. */
(function () {
  'use strict';
  var form = A.$('booking-form');
  var options = [];
  var chosen = { service: null, date: null, slot: null };

  function radio(group, value, checked, disabled, labelNodes, onPick) {
    var id = group + '-' + value.replace(/[^A-Za-z0-9]/g, '');
    var input = A.el('input', { type: 'radio', name: group, id: id, value: value });
    input.checked = !!checked;
    input.disabled = !!disabled;
    input.addEventListener('change', function () { onPick(value); });
    return A.el('label', { 'for': id, 'class': 'choice' + (disabled ? ' full' : '') }, [input].concat(labelNodes));
  }

  function keepLegend(box) {
    var legend = box.querySelector('legend');
    A.clear(box);
    box.appendChild(legend);
    return box;
  }

  function service() {
    for (var i = 0; i < options.length; i++) if (options[i].code === chosen.service) return options[i];
    return null;
  }
  function day() {
    var s = service();
    if (!s) return null;
    for (var i = 0; i < s.dates.length; i++) if (s.dates[i].date === chosen.date) return s.dates[i];
    return null;
  }

  function draw() {
    var box = keepLegend(A.$('services'));
    options.forEach(function (s) {
      box.appendChild(radio('service', s.code, s.code === chosen.service, false, [A.biText(s.name_id, s.name_en)],
        function (v) { chosen.service = v; chosen.date = null; chosen.slot = null; draw(); }));
    });
    var dates = keepLegend(A.$('dates'));
    var s = service();
    if (s) s.dates.forEach(function (d) {
      dates.appendChild(radio('date', d.date, d.date === chosen.date, false, [A.biText(d.label_id, d.label_en)],
        function (v) { chosen.date = v; chosen.slot = null; draw(); }));
    });
    var slots = keepLegend(A.$('slots'));
    var d = day();
    if (d) d.slots.forEach(function (x) {
      var free = x.free > 0 ? A.bi('web.booking.free', [x.free]) : A.bi('web.booking.full');
      slots.appendChild(radio('slot', x.slot, x.slot === chosen.slot, x.free <= 0,
        [A.el('span', { 'class': 'slot-time', text: x.slot + '–' + x.until }), free],
        function (v) { chosen.slot = v; }));
    });
  }

  function fieldError(id, key) {
    var node = A.clear(A.$('err-' + id));
    var input = A.$('booking-' + id);
    if (key) {
      node.appendChild(A.bi(key));
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
    return !key;
  }

  function check() {
    var name = A.$('booking-name').value.replace(/^\s+|\s+$/g, '');
    var phone = A.$('booking-phone').value.replace(/[\s.()\-]/g, '');
    var nik = A.$('booking-nik').value.replace(/[\s.\-]/g, '');
    var ok = fieldError('name', name.length >= 2 && name.length <= 60 ? null : 'web.booking.err_name');
    ok = fieldError('phone', /^(\+?62|0)8\d{8,12}$/.test(phone) ? null : 'web.booking.err_phone') && ok;
    ok = fieldError('nik', /^\d{16}$/.test(nik) ? null : 'web.booking.err_nik') && ok;
    var err = A.clear(A.$('booking-error'));
    if (!chosen.service || !chosen.date || !chosen.slot) {
      err.appendChild(A.bi('web.booking.err_slot'));
      ok = false;
    }
    return ok;
  }

  // A field's error goes once it is typed again.
  ['name', 'phone', 'nik'].forEach(function (id) {
    A.$('booking-' + id).addEventListener('input', function () { fieldError(id, null); A.clear(A.$('err-' + id)); });
  });

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!check()) return;
    var button = A.$('booking-submit');
    button.disabled = true;
    A.post('/api/booking', { service: chosen.service, date: chosen.date, slot: chosen.slot,
                             name: A.$('booking-name').value, phone: A.$('booking-phone').value,
                             nik: A.$('booking-nik').value }, '', function (status, data) {
      button.disabled = false;
      if (status === 200 && data && data.token) { location.href = '/booking/' + data.token; return; }
      A.$('booking-error').textContent = A.reason(status, data);
      load();  // the free places may have changed
    });
  });

  function load() {
    A.get('/api/booking/options', function (status, data) {
      if (status !== 200 || !data) { A.$('booking-error').textContent = A.reason(status, data); return; }
      options = data.services || [];
      A.$('booking-none').hidden = options.length > 0;
      form.hidden = options.length === 0;
      if (!chosen.service && options.length === 1) chosen.service = options[0].code;
      var privacy = A.clear(A.$('booking-privacy'));
      privacy.appendChild(A.bi('web.booking.privacy', [data.retention_days]));
      draw();
    });
  }
  load();
})();
