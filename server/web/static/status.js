/* The ticket status page (the QR target): follows one ticket live. */
(function () {
  'use strict';
  var token = location.pathname.split('/')[2] || '';
  var box = A.$('ticket');
  var lastState = null;

  function line(key, args, cls) {
    var p = A.bi(key, args, 'p');
    if (cls) p.className += ' ' + cls;
    return p;
  }

  function notice(n, offsetH) {
    if (!n || n.status === 'normal' || !n.disruptions.length) return null;
    var box = A.el('section', { 'class': 'notice ' + n.status }, [A.bi('web.notice.' + n.status, null, 'h2')]);
    for (var i = 0; i < n.disruptions.length; i++) {
      var d = n.disruptions[i];
      box.appendChild(A.biText(d.resource_id + ': ' + A.t('web.level.' + d.level),
                               d.resource_en + ': ' + A.te('web.level.' + d.level), 'p'));
      if (d.message_id || d.message_en) box.appendChild(A.biText(d.message_id, d.message_en, 'p'));
    }
    if (n.expected_end) box.appendChild(line('web.notice.expected_end', [A.hhmm(n.expected_end, offsetH)]));
    else if (n.status === 'halted') box.appendChild(line('web.notice.end_unknown'));
    if (n.alternative_id) {
      box.appendChild(A.bi('web.notice.alternative', null, 'h3'));
      box.appendChild(A.biText(n.alternative_id, n.alternative_en, 'p'));
    }
    return box;
  }

  // The satisfaction survey (SKM): built once and kept across live updates, so an
  // answer being chosen is not wiped when the view changes.
  var ELEMENTS = A.surveyElements();  // survey.h's order, from the page
  var survey = null, surveySent = false, last = null;

  function surveyForm() {
    if (survey) return survey;
    var form = A.el('form', { 'class': 'survey', id: 'survey' }, [A.bi('survey.title', null, 'h2'), line('survey.intro', null, 'muted')]);
    ELEMENTS.forEach(function (key, i) {
      var set = A.el('fieldset', { 'class': 'q', id: 'q-' + key }, [A.el('legend', {}, [A.el('span', { 'class': 'num', text: (i + 1) + '. ' }), A.bi('survey.question.' + key)])]);
      for (var score = 1; score <= 4; score++) {
        set.appendChild(A.el('label', { 'class': 'opt' }, [
          A.el('input', { type: 'radio', name: 'u' + (i + 1), value: String(score) }),
          A.bi('survey.scale.' + key + '.' + score)]));
      }
      form.appendChild(set);
    });
    var msg = A.el('p', { 'class': 'survey-msg', id: 'survey-msg', role: 'status' });
    form.appendChild(A.el('button', { type: 'submit', id: 'survey-send' }, [A.bi('survey.send')]));
    form.appendChild(msg);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var answers = [], missing = 0;
      ELEMENTS.forEach(function (key, i) {
        var c = form.querySelector('input[name="u' + (i + 1) + '"]:checked');
        if (c) answers.push(parseInt(c.value, 10)); else missing++;
      });
      A.clear(msg);
      if (missing) return msg.appendChild(A.bi('survey.missing', [String(missing)]));
      A.post('/api/t/' + token + '/survey', { answers: answers }, null, function (status, data) {
        A.clear(msg);
        if (status === 200) {
          surveySent = true;
          A.clear(form).appendChild(A.bi('survey.thanks', null, 'p'));
          // The live view may have come first and said "answered": show the thanks.
          if (last) render(last.v, last.now);
        } else {
          msg.appendChild(A.biText(A.t('survey.error', [A.reason(status, data)]), A.te('survey.error', [A.reason(status, data)])));
        }
      });
    });
    survey = form;
    return form;
  }

  function render(v, now) {
    last = { v: v, now: now };
    var off = v.office.offset_h;
    A.$('office').textContent = v.office.short_name || v.office.name;
    document.title = v.label + ' · ' + A.t('state.' + v.state);
    A.clear(box);
    box.className = 'ticket state-' + v.state;
    box.appendChild(A.bi('web.status.your_number', null, 'p'));
    box.appendChild(A.el('p', { 'class': 'label', id: 'label', text: v.label }));
    box.appendChild(A.biText(v.service.name_id, v.service.name_en, 'p'));
    box.appendChild(A.el('p', { 'class': 'badge state-' + v.state, id: 'state', 'data-state': v.state },
                         [A.bi('state.' + v.state)]));
    if (!v.today) {
      box.appendChild(line('web.status.other_day', [v.day], 'muted'));
    } else if (v.state === 'waiting') {
      box.appendChild(A.el('div', { 'class': 'facts' }, [
        A.el('div', { 'class': 'fact' }, [A.bi('web.status.position'), A.el('strong', { id: 'position', text: String(v.position) })]),
        A.el('div', { 'class': 'fact' }, [A.bi('web.status.ahead'), A.el('strong', { text: String(v.ahead) })]),
        A.el('div', { 'class': 'fact' }, [A.bi('web.status.eta'), A.el('strong', { id: 'eta',
          text: v.eta_s === null ? A.t('common.unknown') : A.waitText(v.eta_s) })])
      ]));
      if (v.eta_s !== null) box.appendChild(line('web.status.eta_at', [A.hhmm(now + v.eta_s * 1000, off)], 'muted'));
      // The hub's range around its estimate, when it is wide enough to matter.
      if (v.eta_s !== null && v.eta_low_s !== null && v.eta_high_s - v.eta_low_s >= 120)
        box.appendChild(line('web.status.eta_range', [A.hhmm(now + v.eta_low_s * 1000, off), A.hhmm(now + v.eta_high_s * 1000, off)], 'muted'));
      else box.appendChild(line('web.status.eta_unknown', null, 'muted'));
      if (v.target_loket) box.appendChild(line('web.status.target_loket', [v.target_loket.name]));
      box.appendChild(line('web.status.stay_near', null, 'muted'));
    } else if (v.state === 'called') {
      box.appendChild(A.el('div', { 'class': 'call', id: 'call' }, [
        A.bi(v.recalls > 0 ? 'web.status.recalled' : 'web.status.called', null, 'p'),
        A.el('p', { 'class': 'loket', id: 'loket', text: v.loket ? v.loket.name : '' }),
        A.bi('web.status.go_now', null, 'p')]));
    } else if (v.state === 'serving') {
      box.appendChild(line('web.status.serving', [v.loket ? v.loket.name : '']));
    } else {
      box.appendChild(line('web.status.end.' + v.state, v.loket ? [v.loket.name] : ['']));
    }
    // Why it was moved or waits for a loket (the hub's words, ticket_moves.h).
    if (v.move) {
      var why = A.biText(v.move.text_id, v.move.text_en, 'p');
      why.id = 'move';
      why.className += ' move';
      why.setAttribute('data-kind', v.move.kind);
      box.appendChild(why);
    } else if (v.transferred) box.appendChild(line('web.status.transferred', null, 'muted'));
    var n = notice(v.notice, off);
    if (n) box.appendChild(n);
    if (v.comeback && A.comebackBox) box.appendChild(A.comebackBox(v.comeback, token, function () {
      A.get('/api/t/' + token, function (status, data) { if (status === 200 && data) render(data.view, data.now); });
    }));
    box.appendChild(line('web.status.issued_at', [A.hhmm(v.issued_at, off)], 'muted'));
    if (v.survey === 'open' && !surveySent) box.appendChild(surveyForm());
    else if (v.survey === 'answered' && !surveySent) box.appendChild(line('survey.already', null, 'muted'));
    else if (surveySent) box.appendChild(survey);
    // A phone in a pocket: vibrate once when the number is called.
    if (v.state === 'called' && lastState !== null && lastState !== 'called' && navigator.vibrate) navigator.vibrate([400, 200, 400]);
    lastState = v.state;
  }

  function link(up) {
    var l = A.$('link');
    A.clear(l).appendChild(A.bi(up ? 'web.common.live' : 'web.common.offline'));
    l.className = 'link ' + (up ? 'up' : 'down');
  }

  A.live('/api/t/' + token + '/events', '/api/t/' + token, 'ticket', render, link);
})();
