/* /admin: the hall live, disruptions, blangko stock and printers, the running
   announcement, services and lokets (names, quota, open/closed, alternative; a loket's
   services in order), staff accounts, moving everyone waiting in a service to another
   (or closing their tickets with a reason). Every change
   is a JSON POST with the CSRF token; the hub's answer (or its reason) is shown. */
(function () {
  'use strict';
  var main = A.$('main');
  var view = null, built = false, shown = {};

  function say(ok, text) {
    var m = A.$('message');
    m.hidden = false;
    m.className = 'message ' + (ok ? 'ok' : 'bad');
    m.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { m.hidden = true; }, ok ? 4000 : 15000);
  }
  // okKey may be a function of the hub's answer returning [key, args].
  function send(url, body, okKey) {
    A.post(url, body, Signin.csrf(), function (status, data) {
      var k = typeof okKey === 'function' ? okKey(data) : [okKey, null];
      if (status === 200) say(true, A.t(k[0], k[1]) + ' / ' + A.te(k[0], k[1]));
      else say(false, A.t('web.admin.refused') + ': ' + A.reason(status, data));
    });
  }
  function section(id, titleKey, noteKey) {
    var s = A.el('section', { id: id, 'class': 'card' }, [A.bi(titleKey, null, 'h2')]);
    if (noteKey) s.appendChild(A.bi(noteKey, null, 'p')).className += ' note';
    return s;
  }
  function field(labelKey, input) { return A.el('label', null, [A.bi(labelKey), input]); }
  function th(keys) {
    var tr = A.el('tr');
    for (var i = 0; i < keys.length; i++) tr.appendChild(A.el('th', null, [A.bi(keys[i])]));
    return A.el('thead', null, [tr]);
  }
  function td(content, cls) {
    return A.el('td', cls ? { 'class': cls } : null, [typeof content === 'object' && content ? content : String(content === null || content === undefined ? '–' : content)]);
  }
  function option(value, text, selected) {
    var o = A.el('option', { value: value, text: text });
    if (selected) o.selected = true;
    return o;
  }
  // Re-renders a part only when its data changed, so inputs being typed in survive.
  function part(id, data, fill) {
    var key = JSON.stringify(data);
    if (shown[id] === key) return;
    shown[id] = key;
    fill(A.clear(A.$(id)));
  }
  function minutesInput(id) { return A.el('input', { id: id, type: 'number', min: '1', max: '129600', step: '1' }); }

  function build(v) {
    A.clear(main);
    var overview = section('overview', 'web.admin.nav.overview');
    overview.appendChild(A.el('div', { id: 'hours' }));
    overview.appendChild(A.el('div', { id: 'totals', 'class': 'cards' }));
    overview.appendChild(A.el('div', { id: 'hall' }));
    // Everyone waiting in a service moved to another (by default its alternative), or
    // their tickets closed with a reason; opened from the hall's per-service button.
    var bmFrom = A.el('select', { id: 'bm-service' });
    var bmTo = A.el('select', { id: 'bm-to' }, [option('', A.t('web.admin.bulk_close') + ' / ' + A.te('web.admin.bulk_close'))]);
    for (var b = 0; b < v.services.length; b++) {
      bmFrom.appendChild(option(v.services[b].code, v.services[b].code + ' ' + v.services[b].name_id));
      bmTo.appendChild(option(v.services[b].code, v.services[b].code + ' ' + v.services[b].name_id));
    }
    var bmReason = A.el('input', { id: 'bm-reason', maxlength: '200' });
    function bmDefault() {
      var list = view ? view.services : v.services;
      bmTo.value = '';
      for (var i = 0; i < list.length; i++)
        if (list[i].code === bmFrom.value) bmTo.value = list[i].config.alternative_service || '';
    }
    bmFrom.addEventListener('change', bmDefault);
    var bm = A.el('form', { id: 'bulk-move', 'class': 'grid', hidden: 'hidden' }, [A.bi('web.admin.bulk_move', null, 'h3'),
      field('web.admin.bulk_from', bmFrom), field('web.admin.bulk_to', bmTo), field('web.admin.bulk_reason', bmReason),
      A.el('button', { type: 'submit', id: 'bm-submit', 'class': 'danger' }, [A.bi('web.admin.bulk_move')])]);
    bm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!window.confirm(A.t('web.admin.bulk_confirm', [bmFrom.value]) + '\n' + A.te('web.admin.bulk_confirm', [bmFrom.value]))) return;
      send('/api/admin/bulk-move', { service: bmFrom.value, to_service: bmTo.value, reason: bmReason.value }, function (d) {
        return [d && d.to_service ? 'web.admin.bulk_moved' : 'web.admin.bulk_closed', [d ? d.moved : 0]];
      });
    });
    overview.appendChild(bm);
    overview.moveAll = function (code) { bmFrom.value = code; bmDefault(); bm.hidden = false; bmReason.focus(); };
    main.appendChild(overview);

    var dis = section('disruptions', 'web.admin.nav.disruptions');
    dis.appendChild(A.el('div', { id: 'disruption-list' }));
    var res = A.el('select', { id: 'd-resource' });
    for (var i = 0; i < v.resources.length; i++) res.appendChild(option(v.resources[i].id, v.resources[i].name_id + ' / ' + v.resources[i].name_en));
    var level = A.el('select', { id: 'd-level' }, [option('down', A.t('web.level.down') + ' / ' + A.te('web.level.down')),
                                                   option('degraded', A.t('web.level.degraded') + ' / ' + A.te('web.level.degraded'))]);
    var mins = minutesInput('d-minutes');
    var msgId = A.el('input', { id: 'd-message-id', maxlength: '300' });
    var msgEn = A.el('input', { id: 'd-message-en', maxlength: '300' });
    var boxes = A.el('div', { 'class': 'checks' });
    for (var s = 0; s < v.services.length; s++)
      boxes.appendChild(A.el('label', null, [A.el('input', { type: 'checkbox', value: v.services[s].code, 'class': 'd-service' }), ' ' + v.services[s].code + ' ' + v.services[s].name_id]));
    var f = A.el('form', { id: 'declare', 'class': 'grid' }, [A.bi('web.admin.declare', null, 'h3'),
      field('web.admin.resource', res), field('web.admin.level', level), field('web.admin.expected_minutes', mins),
      field('web.admin.message_id', msgId), field('web.admin.message_en', msgEn),
      A.el('div', { 'class': 'wide' }, [A.bi('web.admin.affected'), boxes]),
      A.el('button', { type: 'submit', id: 'declare-submit' }, [A.bi('web.admin.declare_submit')])]);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { resource: res.value, level: level.value, message_id: msgId.value, message_en: msgEn.value };
      if (mins.value) body.expected_minutes = parseInt(mins.value, 10);
      var picked = [], cb = f.querySelectorAll('.d-service');
      for (var k = 0; k < cb.length; k++) if (cb[k].checked) picked.push(cb[k].value);
      if (picked.length) body.services = picked;
      send('/api/admin/disruptions', body, 'web.admin.declared');
    });
    dis.appendChild(f);
    main.appendChild(dis);

    var devices = section('devices', 'web.admin.nav.devices');
    devices.appendChild(A.el('div', { id: 'shortages' }));
    devices.appendChild(A.el('div', { id: 'device-list' }));
    main.appendChild(devices);

    var resources = section('resources', 'web.admin.nav.resources');
    resources.appendChild(A.el('div', { id: 'resource-list' }));
    main.appendChild(resources);

    // The office calendar: holidays and one-off closures (calendar_set on the hub).
    var cal = section('calendar', 'web.admin.nav.calendar', 'web.admin.calendar_note');
    cal.appendChild(A.el('div', { id: 'closure-list' }));
    var cDate = A.el('input', { id: 'c-date', type: 'date', required: 'required' });
    var cReasonId = A.el('input', { id: 'c-reason-id', maxlength: '200', required: 'required' });
    var cReasonEn = A.el('input', { id: 'c-reason-en', maxlength: '200' });
    var cHoliday = A.el('input', { id: 'c-holiday', type: 'checkbox' });
    var cf = A.el('form', { id: 'closure-add', 'class': 'grid' }, [field('web.admin.closure_date', cDate),
      field('web.admin.closure_reason_id', cReasonId), field('web.admin.closure_reason_en', cReasonEn),
      field('web.admin.closure_holiday', cHoliday),
      A.el('button', { type: 'submit', id: 'closure-submit' }, [A.bi('web.admin.closure_add')])]);
    cf.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { date: cDate.value, closed: true, kind: cHoliday.checked ? 'holiday' : 'closure', reason_id: cReasonId.value };
      if (cReasonEn.value) body.reason_en = cReasonEn.value;
      send('/api/admin/closures', body, 'web.admin.closure_saved');
    });
    cal.appendChild(cf);
    main.appendChild(cal);

    var ann = section('announcement', 'web.admin.nav.announcement', 'web.admin.announcement_note');
    var text = A.el('textarea', { id: 'announcement-text', maxlength: '500', rows: '3',
      'aria-label': A.t('web.admin.nav.announcement') + ' / ' + A.te('web.admin.nav.announcement') });
    text.value = v.announcement;
    var af = A.el('form', { id: 'announce' }, [text, A.el('button', { type: 'submit', id: 'announce-submit' }, [A.bi('web.admin.save')])]);
    af.addEventListener('submit', function (ev) { ev.preventDefault(); send('/api/admin/announcement', { text: text.value }, 'web.admin.saved'); });
    ann.appendChild(af);
    main.appendChild(ann);

    var svc = section('services', 'web.admin.nav.services', 'web.admin.services_note');
    svc.appendChild(A.el('div', { id: 'service-list' }));
    var vcode = A.el('select', { id: 'sv-code' });
    var valt = A.el('select', { id: 'sv-alt-service' }, [option('', A.t('web.admin.none') + ' / ' + A.te('web.admin.none'))]);
    for (var q = 0; q < v.services.length; q++) {
      vcode.appendChild(option(v.services[q].code, v.services[q].code + ' ' + v.services[q].name_id));
      valt.appendChild(option(v.services[q].code, v.services[q].code + ' ' + v.services[q].name_id));
    }
    var vnameId = A.el('input', { id: 'sv-name-id', maxlength: '100', required: 'required' });
    var vnameEn = A.el('input', { id: 'sv-name-en', maxlength: '100', required: 'required' });
    var vquota = A.el('input', { id: 'sv-quota', type: 'number', min: '0', max: '9999', step: '1', required: 'required' });
    var venabled = A.el('input', { id: 'sv-enabled', type: 'checkbox' });
    var valtId = A.el('input', { id: 'sv-alt-id', maxlength: '300' });
    var valtEn = A.el('input', { id: 'sv-alt-en', maxlength: '300' });
    // The form shows the chosen service's current values.
    function fillService() {
      var list = view ? view.services : v.services;
      for (var i = 0; i < list.length; i++) {
        var c = list[i].config;
        if (c.code !== vcode.value) continue;
        vnameId.value = c.name_id; vnameEn.value = c.name_en; vquota.value = String(c.daily_quota);
        venabled.checked = !!c.enabled; valtId.value = c.alternative_id || ''; valtEn.value = c.alternative_en || '';
        valt.value = c.alternative_service || '';
      }
    }
    vcode.addEventListener('change', fillService);
    var vf = A.el('form', { id: 'service-form', 'class': 'grid' }, [A.bi('web.admin.service_form', null, 'h3'),
      field('web.admin.service_code', vcode), field('web.admin.name_id', vnameId), field('web.admin.name_en', vnameEn),
      field('web.admin.daily_quota', vquota), A.el('label', null, [venabled, ' ', A.bi('web.admin.service_enabled')]),
      field('web.admin.alternative_id', valtId), field('web.admin.alternative_en', valtEn),
      field('web.admin.alternative_service', valt),
      A.el('button', { type: 'submit', id: 'service-submit' }, [A.bi('web.admin.save')])]);
    vf.addEventListener('submit', function (ev) {
      ev.preventDefault();
      send('/api/admin/service', { code: vcode.value, name_id: vnameId.value, name_en: vnameEn.value,
        daily_quota: parseInt(vquota.value, 10), enabled: venabled.checked, alternative_id: valtId.value,
        alternative_en: valtEn.value, alternative_service: valt.value }, 'web.admin.saved');
    });
    svc.appendChild(vf);
    svc.editService = function (code) { vcode.value = code; fillService(); vnameId.focus(); };
    main.appendChild(svc);
    fillService();

    var lok = section('lokets', 'web.admin.nav.lokets', 'web.admin.lokets_note');
    lok.appendChild(A.el('div', { id: 'loket-list' }));
    var lnum = A.el('select', { id: 'lk-number' });
    for (var n = 0; n < v.counters.length; n++) lnum.appendChild(option(String(v.counters[n].number), v.counters[n].number + ' ' + v.counters[n].name));
    var lname = A.el('input', { id: 'lk-name', maxlength: '60', required: 'required' });
    var lsvc = A.el('input', { id: 'lk-services', maxlength: '200', required: 'required' });
    function fillLoket() {
      var list = view ? view.counters : v.counters;
      for (var i = 0; i < list.length; i++) {
        if (String(list[i].number) !== lnum.value) continue;
        lname.value = list[i].name; lsvc.value = list[i].services.join(', ');
      }
    }
    lnum.addEventListener('change', fillLoket);
    var lf = A.el('form', { id: 'counter-form', 'class': 'grid' }, [A.bi('web.admin.loket_form', null, 'h3'),
      field('web.admin.loket_number', lnum), field('web.admin.loket_name', lname),
      A.el('div', { 'class': 'wide' }, [field('web.admin.loket_services', lsvc)]),
      A.el('button', { type: 'submit', id: 'counter-submit' }, [A.bi('web.admin.save')])]);
    lf.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var codes = lsvc.value.split(/[\s,]+/).filter(function (x) { return x !== ''; });
      send('/api/admin/counter', { number: parseInt(lnum.value, 10), name: lname.value, services: codes }, 'web.admin.saved');
    });
    lok.appendChild(lf);
    lok.editLoket = function (number) { lnum.value = String(number); fillLoket(); lname.focus(); };
    main.appendChild(lok);
    fillLoket();

    var staff = section('staff', 'web.admin.nav.staff');
    staff.appendChild(A.el('div', { id: 'staff-list' }));
    var sid = A.el('input', { id: 's-id', maxlength: '64', required: 'required' });
    var sname = A.el('input', { id: 's-name', maxlength: '100' });
    var spin = A.el('input', { id: 's-pin', type: 'password', maxlength: '64', autocomplete: 'new-password' });
    var sadmin = A.el('input', { id: 's-admin', type: 'checkbox' });
    var sactive = A.el('input', { id: 's-active', type: 'checkbox' });
    sactive.checked = true;
    var sf = A.el('form', { id: 'staff-form', 'class': 'grid' }, [A.bi('web.admin.staff_form', null, 'h3'),
      field('web.admin.staff_id', sid), field('web.admin.staff_name', sname), field('web.admin.staff_pin', spin),
      A.el('label', null, [sadmin, ' ', A.bi('web.admin.staff_admin')]), A.el('label', null, [sactive, ' ', A.bi('web.admin.staff_active')]),
      A.el('button', { type: 'submit', id: 'staff-submit' }, [A.bi('web.admin.save')])]);
    sf.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { id: sid.value, admin: sadmin.checked, active: sactive.checked };
      if (sname.value) body.name = sname.value;
      if (spin.value) body.pin = spin.value;
      send('/api/admin/staff', body, 'web.admin.saved');
      spin.value = '';
    });
    staff.appendChild(sf);
    main.appendChild(staff);
    A.$('tabs').hidden = false;
    built = true;
  }

  function renderTotals(v) {
    part('totals', v.totals, function (box) {
      var items = [['web.admin.total_issued', v.totals.issued], ['web.admin.total_waiting', v.totals.waiting], ['web.admin.total_served', v.totals.served]];
      for (var i = 0; i < items.length; i++) box.appendChild(A.el('div', { 'class': 'stat' }, [A.el('strong', { text: String(items[i][1]) }), A.bi(items[i][0])]));
    });
    part('hall', [v.services, v.counters], function (box) {
      var rows = A.el('tbody');
      for (var i = 0; i < v.services.length; i++) {
        var s = v.services[i];
        rows.appendChild(A.el('tr', { 'class': s.status, 'data-service': s.code, 'data-condition': s.condition }, [td(s.code + ' ' + s.name_id), td(A.bi('status.' + (s.condition || s.status))),
          td(s.waiting), td(s.open_counters), td(s.eta_new_s === null ? '–' : A.waitText(s.eta_new_s)),
          td(s.issued_today), td(s.tickets_left),
          td(s.waiting > 0 ? A.el('button', { type: 'button', 'class': 'bm-open', 'data-code': s.code, onclick: function () {
            A.$('overview').moveAll(this.getAttribute('data-code')); } }, [A.bi('web.admin.bulk_move')]) : '')]));
      }
      box.appendChild(A.el('table', { id: 'hall-services' }, [th(['web.admin.col.service', 'web.admin.col.status', 'web.admin.col.waiting',
        'web.admin.col.open_lokets', 'web.admin.col.eta', 'web.admin.col.issued', 'web.admin.col.left', 'web.admin.col.actions']), rows]));
      // Today's bookings per service that takes them (booked, checked in, expired, cancelled).
      var brows = A.el('tbody');
      for (var code in v.bookings || {}) {
        if (!v.bookings.hasOwnProperty(code)) continue;
        var b = v.bookings[code];
        brows.appendChild(A.el('tr', { 'data-service': code }, [td(code), td(b.booked), td(b.checked_in), td(b.expired), td(b.cancelled)]));
      }
      if (brows.firstChild)
        box.appendChild(A.el('table', { id: 'hall-bookings' }, [A.el('caption', null, [A.bi('web.admin.bookings')]),
          th(['web.admin.col.service', 'web.admin.col.booked', 'web.admin.col.checked_in', 'web.admin.col.expired',
              'web.admin.col.cancelled']), brows]));
      var lrows = A.el('tbody');
      for (var j = 0; j < v.counters.length; j++) {
        var c = v.counters[j];
        lrows.appendChild(A.el('tr', { 'class': c.state }, [td(c.name), td(A.bi('counter_state.' + c.state)), td(c.staff_name || '–'),
          td(c.ticket ? c.ticket.label + ' (' + A.t('state.' + c.ticket.state) + ')' : '–'), td(c.services.join(', '))]));
      }
      box.appendChild(A.el('table', { id: 'hall-lokets' }, [th(['web.admin.col.loket', 'web.admin.col.state', 'web.admin.col.staff',
        'web.admin.col.ticket', 'web.admin.col.services']), lrows]));
    });
  }

  function renderCalendar(v) {
    part('hours', v.hours, function (box) {
      var h = v.hours;
      if (h.issuing_any) box.appendChild(A.bi('web.admin.hours_open', null, 'p'));
      else box.appendChild(A.el('p', { 'class': 'banner warn' }, [A.el('strong', { text: h.closed_text_id + ' · ' + h.next_text_id }),
        ' ', A.el('span', { 'class': 'en', lang: 'en', text: h.closed_text_en + ' · ' + h.next_text_en })]));
    });
    part('closure-list', v.closures, function (box) {
      if (!v.closures.length) { box.appendChild(A.bi('web.admin.closures_none', null, 'p')); return; }
      var rows = A.el('tbody');
      for (var i = 0; i < v.closures.length; i++) {
        var c = v.closures[i];
        var why = A.el('span', null, [c.reason_id]);
        if (c.reason_en && c.reason_en !== c.reason_id) why.appendChild(A.el('span', { 'class': 'en', lang: 'en', text: ' / ' + c.reason_en }));
        rows.appendChild(A.el('tr', { 'data-date': c.date }, [td(c.date), td(why),
          td(A.el('button', { type: 'button', 'class': 'c-remove', 'data-date': c.date, onclick: function () {
            send('/api/admin/closures', { date: this.getAttribute('data-date'), closed: false }, 'web.admin.closure_saved'); } },
            [A.bi('web.admin.closure_remove')]))]));
      }
      box.appendChild(A.el('table', { id: 'closure-table' }, [th(['web.admin.closure_date', 'web.admin.closure_reason_id', 'web.admin.col.actions']), rows]));
    });
  }

  // What stops a service without a declared disruption, and every device's own report.
  function renderDevices(v) {
    part('shortages', v.shortages, function (box) {
      for (var i = 0; i < v.shortages.length; i++) {
        var x = v.shortages[i];
        box.appendChild(A.el('p', { 'class': 'banner ' + (x.halted ? 'down' : 'warn'), 'data-shortage': x.kind }, [
          A.el('strong', { text: x.text_id }), ' ', A.el('span', { 'class': 'en', lang: 'en', text: x.text_en })]));
      }
    });
    part('device-list', v.devices, function (box) {
      if (!v.devices.length) { box.appendChild(A.bi('web.admin.devices_none', null, 'p')); return; }
      var off = v.office.offset_h, rows = A.el('tbody');
      for (var i = 0; i < v.devices.length; i++) {
        var d = v.devices[i];
        rows.appendChild(A.el('tr', { 'class': d.state === 'ok' ? 'normal' : 'halted', 'data-device': d.id }, [td(d.id),
          td(A.bi('device.' + d.state)), td(d.at ? A.hhmm(d.at, off) : '–'),
          td(d.message ? A.el('span', { lang: 'en', text: d.message }) : '–')]));  // the device's own (English) words
      }
      box.appendChild(A.el('table', { id: 'device-table' }, [th(['web.admin.col.device', 'web.admin.col.state',
        'web.admin.col.since', 'web.admin.col.message']), rows]));
    });
  }

  function renderDisruptions(v) {
    part('disruption-list', v.disruptions, function (box) {
      var off = v.office.offset_h, any = false, rows = A.el('tbody');
      for (var i = 0; i < v.disruptions.length; i++) {
        var d = v.disruptions[i];
        if (!d.active) continue;
        any = true;
        (function (d) {
          var mins = minutesInput('edit-minutes-' + d.id);
          var save = A.el('button', { type: 'button', 'class': 'd-save', onclick: function () {
            send('/api/admin/disruptions/' + d.id, { expected_minutes: mins.value ? parseInt(mins.value, 10) : null }, 'web.admin.saved');
          } }, [A.bi('web.admin.set_end')]);
          var clear = A.el('button', { type: 'button', 'class': 'd-clear danger', onclick: function () {
            if (window.confirm(A.t('web.admin.confirm_clear') + '\n' + A.te('web.admin.confirm_clear')))
              send('/api/admin/disruptions/' + d.id + '/clear', {}, 'web.admin.cleared');
          } }, [A.bi('web.admin.clear')]);
          rows.appendChild(A.el('tr', { 'class': d.level, 'data-disruption': d.id }, [td(d.id), td(d.resource), td(A.bi('web.level.' + d.level)),
            td(A.hhmm(d.started_at, off)), td(d.expected_end ? A.hhmm(d.expected_end, off) : A.t('common.unknown')),
            td(d.services.join(', ')), td(A.biText(d.message_id, d.message_en)), td(A.el('span', { 'class': 'inline' }, [mins, save, clear]))]));
        })(d);
      }
      if (!any) { box.appendChild(A.bi('web.admin.no_disruptions', null, 'p')); return; }
      box.appendChild(A.el('table', { id: 'active-disruptions' }, [th(['web.admin.col.id', 'web.admin.col.resource', 'web.admin.col.level',
        'web.admin.col.since', 'web.admin.col.expected_end', 'web.admin.col.services', 'web.admin.col.message', 'web.admin.col.actions']), rows]));
    });
  }

  function renderResources(v) {
    part('resource-list', v.resources, function (box) {
      for (var i = 0; i < v.resources.length; i++) {
        (function (r) {
          var row = A.el('div', { 'class': 'resource', 'data-resource': r.id }, [A.biText(r.name_id, r.name_en, 'h3')]);
          if (r.kind === 'blangko') {
            var add = A.el('input', { type: 'number', id: 'stock-add-' + r.id, min: '-1000000', max: '1000000', step: '1' });
            var set = A.el('input', { type: 'number', id: 'stock-set-' + r.id, min: '0', max: '1000000', step: '1' });
            var low = A.el('input', { type: 'number', id: 'stock-low-' + r.id, min: '0', max: '1000000', step: '1', value: String(r.low_threshold) });
            row.appendChild(A.el('p', { 'class': 'stock' + (r.stock <= r.low_threshold ? ' low' : '') }, [A.bi('web.admin.stock_now', [r.stock])]));
            row.appendChild(A.el('div', { 'class': 'inline' }, [field('web.admin.stock_add', add), A.el('button', { type: 'button', id: 'stock-add-btn-' + r.id, onclick: function () {
              send('/api/admin/resources/' + r.id, { stock_add: parseInt(add.value, 10) }, 'web.admin.saved'); } }, [A.bi('web.admin.add')])]));
            row.appendChild(A.el('div', { 'class': 'inline' }, [field('web.admin.stock_set', set), field('web.admin.stock_low', low), A.el('button', { type: 'button', onclick: function () {
              var b = { low_threshold: parseInt(low.value, 10) };
              if (set.value !== '') b.stock = parseInt(set.value, 10);
              send('/api/admin/resources/' + r.id, b, 'web.admin.saved'); } }, [A.bi('web.admin.save')])]));
          } else if (r.kind === 'card_printers') {
            var working = A.el('input', { type: 'number', id: 'working-' + r.id, min: '0', max: '1000', step: '1', value: String(r.working) });
            var total = A.el('input', { type: 'number', id: 'total-' + r.id, min: '0', max: '1000', step: '1', value: String(r.total) });
            row.appendChild(A.bi('web.admin.printers_now', [r.working, r.total], 'p'));
            row.appendChild(A.el('div', { 'class': 'inline' }, [field('web.admin.working', working), field('web.admin.total', total), A.el('button', { type: 'button', onclick: function () {
              send('/api/admin/resources/' + r.id, { working: parseInt(working.value, 10), total: parseInt(total.value, 10) }, 'web.admin.saved'); } }, [A.bi('web.admin.save')])]));
          } else {
            row.appendChild(A.bi('web.admin.resource_via_disruption', null, 'p'));
          }
          box.appendChild(row);
        })(v.resources[i]);
      }
    });
  }

  function renderLists(v) {
    part('service-list', v.services, function (box) {
      var rows = A.el('tbody');
      for (var i = 0; i < v.services.length; i++) {
        var c = v.services[i].config;
        var alt = [c.alternative_service, c.alternative_id || c.alternative_en].filter(function (x) { return x; }).join(' · ');
        rows.appendChild(A.el('tr', { 'data-service': c.code }, [td(c.code), td(c.prefix), td(A.biText(c.name_id, c.name_en)), td(c.daily_quota || A.t('web.admin.no_limit')),
          td(A.bi(c.enabled ? 'web.admin.yes' : 'web.admin.no')), td(c.resources.join(', ') || '–'), td(alt || '–'),
          td(A.el('button', { type: 'button', 'class': 'sv-edit', 'data-code': c.code, onclick: function () {
            A.$('services').editService(this.getAttribute('data-code')); } }, [A.bi('web.admin.edit')]))]));
      }
      box.appendChild(A.el('table', { id: 'service-table' }, [th(['web.admin.col.code', 'web.admin.col.prefix', 'web.admin.col.name', 'web.admin.col.quota',
        'web.admin.col.enabled', 'web.admin.col.needs', 'web.admin.col.alternative', 'web.admin.col.actions']), rows]));
    });
    part('loket-list', v.counters, function (box) {
      var rows = A.el('tbody');
      for (var i = 0; i < v.counters.length; i++) {
        var c = v.counters[i];
        rows.appendChild(A.el('tr', { 'data-loket': c.number }, [td(c.number), td(c.name), td(c.services.join(', ')),
          td(A.el('button', { type: 'button', 'class': 'lk-edit', 'data-number': String(c.number), onclick: function () {
            A.$('lokets').editLoket(this.getAttribute('data-number')); } }, [A.bi('web.admin.edit')]))]));
      }
      box.appendChild(A.el('table', { id: 'loket-table' }, [th(['web.admin.col.number', 'web.admin.col.name', 'web.admin.col.services',
        'web.admin.col.actions']), rows]));
    });
    part('staff-list', v.staff, function (box) {
      var rows = A.el('tbody');
      for (var i = 0; i < v.staff.length; i++) {
        var m = v.staff[i];
        rows.appendChild(A.el('tr', { 'data-staff': m.id }, [td(m.id), td(m.name), td(A.bi(m.admin ? 'web.admin.yes' : 'web.admin.no')),
          td(A.bi(m.active ? 'web.admin.yes' : 'web.admin.no')), td(m.loket === null ? '–' : m.loket)]));
      }
      box.appendChild(A.el('table', { id: 'staff-table' }, [th(['web.admin.col.id', 'web.admin.col.name', 'web.admin.col.admin',
        'web.admin.col.active', 'web.admin.col.loket']), rows]));
    });
  }

  function render(v) {
    if (!v) { location.reload(); return; }  // the session ended: sign in again
    view = v;
    A.$('office').textContent = v.office.short_name || v.office.name;
    if (!built) build(v);
    renderTotals(v);
    renderCalendar(v);
    renderDevices(v);
    renderDisruptions(v);
    renderResources(v);
    renderLists(v);
    // The information desk (admin_desk.js): find a ticket, bring back a no-show, free a loket.
    if (window.AdminDesk) window.AdminDesk(v, { section: section, field: field, part: part, th: th, say: say });
    // The come-back lists (admin_comeback.js).
    if (window.AdminComeback) window.AdminComeback(v, { section: section, part: part, th: th });
    // A day's bookings moved or cancelled in one action (admin_bookings.js).
    if (window.AdminBookings) window.AdminBookings(v, { section: section, field: field, say: say });
    document.body.setAttribute('data-seq', v.seq);
  }

  Signin.require(main, function () {
    Signin.who(A.$('who'));
    A.live('/api/admin/events', '/api/admin/overview', 'overview', render, function (up) {
      document.body.setAttribute('data-link', up ? 'up' : 'down');
    });
  });
})();
