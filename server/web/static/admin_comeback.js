/* /admin: the come-back list of each service (issue 17): how many wait to be invited,
   how many are invited now (with the batch and its window), came and expired today.
   The figures are the hub's (comeback_counts in /api/admin/overview). Loaded after
   admin.js, which calls AdminComeback(view, tools) on every change of the hall. */
(function () {
  'use strict';
  function td(text) { return A.el('td', { text: String(text) }); }

  window.AdminComeback = function (v, tools) {
    if (!A.$('comeback')) {
      var s = tools.section('comeback', 'web.admin.comeback.title', 'web.admin.comeback.note');
      s.appendChild(A.el('div', { id: 'comeback-list' }));
      var devices = A.$('devices') || A.$('overview');
      devices.parentNode.insertBefore(s, devices);
    }
    tools.part('comeback-list', v.comeback, function (box) {
      var rows = A.el('tbody'), any = false;
      v.services.forEach(function (svc) {
        var c = v.comeback[svc.code];
        if (!c || c.waiting + c.invited + c.came + c.expired === 0) return;
        any = true;
        rows.appendChild(A.el('tr', { 'data-service': svc.code }, [
          A.el('td', null, [A.biText(svc.code + ' ' + svc.name_id, svc.code + ' ' + svc.name_en)]),
          td(c.waiting), td(c.invited), td(c.came), td(c.expired), td(c.window || '–')]));
      });
      if (!any) return box.appendChild(A.bi('web.admin.comeback.none', null, 'p'));
      box.appendChild(A.el('table', { id: 'comeback-table' }, [tools.th(['web.admin.col.service',
        'web.admin.comeback.waiting', 'web.admin.comeback.invited', 'web.admin.comeback.came',
        'web.admin.comeback.expired', 'web.admin.comeback.window']), rows]));
    });
  };
})();
