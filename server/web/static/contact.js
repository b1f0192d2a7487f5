/* The status page's "tell me by SMS / WhatsApp" form: the citizen leaves a phone number
   for this ticket (POST /api/t/<token>/contact). Shown only when the office sends
   messages; the number is sent to the hub and never shown back whole. */
(function () {
  'use strict';
  var token = location.pathname.split('/')[2] || '';
  var box = A.$('contact');
  if (!box) return;

  function show(saved) {
    A.clear(box);
    box.appendChild(A.bi('web.contact.title', null, 'h2'));
    if (saved) {
      box.appendChild(A.bi('web.contact.saved', [saved.phone, String(saved.retention_days)], 'p'));
      return;
    }
    box.appendChild(A.bi('web.contact.hint', null, 'p'));
    var input = A.el('input', { type: 'tel', id: 'contact-phone', name: 'phone', autocomplete: 'tel',
                                inputmode: 'tel', placeholder: '0812 3456 7890', maxlength: '24' });
    var label = A.el('label', { 'for': 'contact-phone' }, [A.bi('web.contact.phone')]);
    var error = A.el('p', { 'class': 'error', id: 'contact-error', role: 'alert' });
    var button = A.el('button', { type: 'submit', id: 'contact-save' }, [A.bi('web.contact.save')]);
    var form = A.el('form', { id: 'contact-form' }, [label, input, button, error]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      button.disabled = true;
      A.post('/api/t/' + token + '/contact', { phone: input.value }, '', function (status, data) {
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
    box.hidden = false;
    show(null);
  });
})();
