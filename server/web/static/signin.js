/* Admin sign-in shared by /admin and /reports. The session lives in an HttpOnly
   cookie the script cannot read; the CSRF token comes back in the JSON and is sent
   with every change (X-CSRF-Token). */
var Signin = (function () {
  'use strict';
  var session = null;

  function form(container, onDone) {
    var err = A.el('p', { 'class': 'error', id: 'signin-error', role: 'alert' });
    var staff = A.el('input', { id: 'signin-staff', name: 'staff', autocomplete: 'username', required: 'required', maxlength: '64' });
    var pin = A.el('input', { id: 'signin-pin', name: 'pin', type: 'password', autocomplete: 'current-password', required: 'required', maxlength: '64' });
    var f = A.el('form', { 'class': 'card signin', id: 'signin' }, [
      A.bi('web.signin.title', null, 'h2'),  // the page's h1 is its title bar
      A.el('label', null, [A.bi('web.signin.staff'), staff]),
      A.el('label', null, [A.bi('web.signin.pin'), pin]),
      A.el('button', { type: 'submit', id: 'signin-submit' }, [A.bi('web.signin.submit')]),
      err]);
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      A.clear(err);
      A.post('/api/admin/login', { staff: staff.value, pin: pin.value }, null, function (status, data) {
        if (status === 200) { session = data; onDone(data); return; }
        err.textContent = status === 401 ? A.t('web.signin.failed') + ' / ' + A.te('web.signin.failed') : A.reason(status, data);
      });
    });
    A.clear(container).appendChild(f);
    staff.focus();
  }

  // Calls onReady(session) when signed in, showing the form first when needed.
  function require(container, onReady) {
    A.get('/api/admin/session', function (status, data) {
      if (status === 200) { session = data; onReady(data); }
      else form(container, onReady);
    });
  }

  function signOut() {
    if (!session) return;
    A.post('/api/admin/logout', {}, session.csrf, function () { location.reload(); });
  }

  function who(node) {
    A.clear(node).appendChild(A.el('span', null, [session.staff.name + ' ',
      A.el('button', { type: 'button', 'class': 'link-button', id: 'signout', onclick: signOut }, [A.bi('web.signin.signout')])]));
  }

  return { require: require, csrf: function () { return session ? session.csrf : ''; }, who: who };
})();
