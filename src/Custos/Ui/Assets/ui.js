// Wires the named triggers of UI nodes (Kratos's onclickTrigger / onloadTrigger, e.g. oryWebAuthnLogin from the
// flow's own script node) without inline event handlers, so the pages' CSP needs no 'unsafe-inline'.
(function () {
  'use strict';
  function call(name) {
    var fn = window[name];
    if (typeof fn === 'function') { fn(); return true; }
    return false;
  }
  document.querySelectorAll('[data-onclick-trigger]').forEach(function (el) {
    el.addEventListener('click', function (event) {
      if (call(el.getAttribute('data-onclick-trigger'))) { event.preventDefault(); }
    });
  });
  window.addEventListener('load', function () {
    document.querySelectorAll('[data-onload-trigger]').forEach(function (el) {
      call(el.getAttribute('data-onload-trigger'));
    });
  });
})();
