/*
 * The new-post form shows every kind's own fields (so it works without JavaScript); this shows only the
 * chosen kind's section. Served from the console's origin: no inline script, so the CSP holds.
 */
(function () {
  'use strict';
  var select = document.getElementById('kind');
  if (!select) {
    return;
  }
  function show() {
    document.querySelectorAll('fieldset[data-kind]').forEach(function (section) {
      section.hidden = section.getAttribute('data-kind') !== select.value;
    });
  }
  select.addEventListener('change', show);
  show();
}());
