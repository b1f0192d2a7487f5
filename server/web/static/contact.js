/* The "tell me by SMS / WhatsApp" form of the citizen's pages: the citizen leaves a phone
   number for this ticket (status page, POST /api/t/<token>/contact) or for the
   invitation of a come-back code (/k/<code>, POST /api/k/<code>/contact). Shown only
   when the office sends messages (and, on a code's page, while an invitation may still
   come: comeback_page.js calls A.contactWanted); the number is sent to the hub and
   never shown back whole. */
(function () {
  'use strict';
  var parts = location.pathname.split('/');
  var onCode = parts[1] === 'k';
  var url = '/api/' + (onCode ? 'k' : 't') + '/' + (parts[2] || '') + '/contact';
  var texts = onCode ? 'web.comeback_page.contact.' : 'web.contact.';
  var box = A.$('contact');
  if (!box) return;
  var sends = false, wanted = !onCode, shown = false;

  function update() {
    box.hidden = !(sends && wanted);
    if (!box.hidden && !shown) show(null);
  }
  A.contactWanted = function (yes) { wanted = yes; update(); };

  function show(saved) {
    shown = true;
    A.clear(box);
    box.appendChild(A.bi('web.contact.title', null, 'h2'));
    if (saved) {
      box.appendChild(A.bi(texts + 'saved', [saved.phone, String(saved.retention_days)], 'p'));
      return;
    }
    box.appendChild(A.bi(texts + 'hint', null, 'p'));
    var input = A.el('input', { type: 'tel', id: 'contact-phone', name: 'phone', autocomplete: 'tel',
                                inputmode: 'tel', placeholder: '0812 3456 7890', maxlength: '24' });
    var label = A.el('label', { 'for': 'contact-phone' }, [A.bi('web.contact.phone')]);
    var error = A.el('p', { 'class': 'error', id: 'contact-error', role: 'alert' });
    var button = A.el('button', { type: 'submit', id: 'contact-save' }, [A.bi('web.contact.save')]);
    var form = A.el('form', { id: 'contact-form' }, [label, input, button, error]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      button.disabled = true;
      A.post(url, { phone: input.value }, '', function (status, data) {
        button.disabled = false;
        if (status === 200 && data) return show(data);
        error.textContent = A.reason(status, data);
      });
    });
    box.appendChild(form);
    box.appendChild(A.bi('web.contact.privacy', null, 'p'));
  }

  A.get('/api/messages', function (status, data) {
    if (status !== 200 || !data || !data.sends) return;
    sends = true;
    update();
  });
})();
