/* Signing in to the district dashboard; back to the page asked for. */
(function () {
  'use strict';
  var f = D.$('login');
  var next = new URLSearchParams(location.search).get('next') || '/';
  if (next.charAt(0) !== '/' || next.charAt(1) === '/' || next.charAt(1) === '\\') next = '/';  // only this dashboard's own pages
  f.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = JSON.stringify({ user: f.user.value, password: f.password.value });
    D.request('POST', '/api/login', body, { 'Content-Type': 'application/json' }, function (status, data) {
      var p = D.clear(D.$('problem'));
      if (status === 200) { location.href = next; return; }
      if (status === 401) p.appendChild(D.bi('district.login.failed'));
      else if (status === 429) p.appendChild(D.bi('district.login.wait', [(data && data.reason || '').replace(/\D+/g, ' ').trim().split(' ').pop()]));
      else p.textContent = (data && data.reason) || ('HTTP ' + status);
      p.hidden = false;
    });
  });
})();
