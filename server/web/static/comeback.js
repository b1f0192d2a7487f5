/* The come-back list on the status page (issue 17). A ticket a bulk move closed may
   join its service's come-back list (POST /api/t/<token>/comeback) and keeps its place;
   a joined citizen sees the code, the place on the list and, once invited, the window.
   status.js calls A.comebackBox(view.comeback, token, refresh) on every render. */
(function () {
  'use strict';
  function line(key, args, cls) {
    var p = A.bi(key, args, 'p');
    if (cls) p.className += ' ' + cls;
    return p;
  }

  A.comebackBox = function (c, token, refresh) {
    var box = A.el('section', { 'class': 'card comeback', id: 'comeback' }, [A.bi('comeback.title', null, 'h2')]);
    if (c.state === 'can_join') {
      box.appendChild(line('comeback.offer_hint'));
      var error = A.el('p', { 'class': 'error', id: 'comeback-error', role: 'alert' });
      var button = A.el('button', { type: 'button', id: 'comeback-join' }, [A.bi('comeback.offer')]);
      button.addEventListener('click', function () {
        button.disabled = true;
        A.post('/api/t/' + token + '/comeback', {}, '', function (status, data) {
          button.disabled = false;
          if (status === 200) return refresh();
          error.textContent = A.reason(status, data);
        });
      });
      box.appendChild(button);
      box.appendChild(error);
      return box;
    }
    box.appendChild(line('comeback.your_code', [c.code], 'code'));
    if (c.state === 'waiting') {
      if (c.position) box.appendChild(line('comeback.position', [String(c.position)]));
      box.appendChild(line('comeback.waiting_note', null, 'muted'));
    } else if (c.state === 'invited') {
      box.appendChild(A.bi('comeback.invited', null, 'p'));
      box.appendChild(A.biText(c.window_id, c.window_en, 'p')).className += ' window';
      box.appendChild(line('comeback.checkin_how', [c.code]));
    } else {
      box.appendChild(line('comeback.end.' + c.state, null, 'muted'));
    }
    return box;
  };
})();
