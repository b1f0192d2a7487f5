/* The district's configuration: per site the version published against the version
   its log says it runs (and why a site refused one); publishing a new version of the
   template or of a site's override; setting targets. Live (polls /api/config). */
(function () {
  'use strict';
  var el = D.el, bi = D.bi;
  var known = {};

  function state(s) {
    if (s.published === 0) return bi('district.config.own', null, 'span', 'quiet');
    if (s.reported && s.reported.state === 'refused' && s.reported.version === s.published)
      return el('span', { 'class': 'refused' }, [bi('district.config.refused'), ': ', el('span', { 'class': 'reason', lang: 'en', text: s.reported.error })]);
    return s.up_to_date ? bi('district.config.up_to_date', null, 'span', 'badge ok')
                        : bi('district.config.waiting', null, 'span', 'behind');
  }

  function fillSites(select, sites, keepFirst) {
    var had = select.value;
    while (select.options.length > (keepFirst ? 1 : 0)) select.remove(select.options.length - 1);
    sites.forEach(function (s) { select.appendChild(el('option', { value: s.site, text: s.name })); });
    select.value = had;
  }

  D.poll('/api/config', 2000, function (data) {
    var head = ['district.site', 'district.config.published', 'district.config.applied', 'district.config.state',
                'district.config.override'];
    var rows = [el('tr', null, head.map(function (k) { return el('th', null, [bi(k)]); }))];
    data.sites.forEach(function (s) {
      rows.push(el('tr', { 'data-site': s.site, 'class': s.up_to_date ? '' : 'status-degraded' }, [
        el('td', null, [el('a', { href: '/site/' + s.site, text: s.name })]),
        el('td', { 'class': 'num published', text: s.published ? 'v' + s.published : '–' }),
        el('td', { 'class': 'num applied', text: s.applied ? 'v' + s.applied : '–' }),
        el('td', { 'class': 'state' }, [state(s)]),
        el('td', null, [s.override ? el('code', { text: JSON.stringify(s.override.doc) }) : '–'])]));
    });
    D.clear(D.$('sites-config')).appendChild(el('table', { 'class': 'services wide config' }, rows));
    var tv = D.clear(D.$('template-version'));
    if (data.template) tv.appendChild(bi('district.config.version', [data.template.version], 'span', 'quiet'));
    D.$('template').textContent = data.template ? JSON.stringify(data.template.doc, null, 2) : D.t('district.config.no_template');
    var f = D.$('publish');
    if (!f.doc.value && data.template) f.doc.value = JSON.stringify(data.template.doc, null, 2);
    data.sites.forEach(function (s) { known[s.site] = s; });
    fillSites(f.site, data.sites, true);
    fillSites(D.$('target').site, data.sites, false);
  });

  function token(form) {
    var t = form.token ? form.token.value : '';
    try { if (t) sessionStorage.setItem('district-token', t); else t = sessionStorage.getItem('district-token') || ''; } catch (e) {}
    return t;
  }
  try { D.$('publish').token.value = sessionStorage.getItem('district-token') || ''; } catch (e) {}

  D.$('publish').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, out = D.$('publish-result'), doc;
    try { doc = JSON.parse(f.doc.value); } catch (e) { out.textContent = 'JSON: ' + e.message; return; }
    var body = { doc: doc };
    if (f.site.value) body.site = f.site.value;
    if (f.note.value) body.note = f.note.value;
    D.request('POST', '/api/config', JSON.stringify(body), { 'Content-Type': 'application/json', 'X-District-Token': token(f) },
      function (status, d) { out.textContent = status === 201 ? 'v' + d.version : (d && d.reason) || ('HTTP ' + status); });
  });

  D.$('target').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target, out = D.$('target-result');
    var body = { site: f.site.value, service: f.service.value.toUpperCase(), period: f.period.value, target: parseInt(f.target.value, 10) };
    D.request('POST', '/api/targets', JSON.stringify(body), { 'Content-Type': 'application/json', 'X-District-Token': token(D.$('publish')) },
      function (status, d) { out.textContent = status === 200 ? '✓' : (d && d.reason) || ('HTTP ' + status); });
  });
})();
