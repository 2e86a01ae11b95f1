// Wires the named triggers of UI nodes (Kratos's onclickTrigger / onloadTrigger, e.g. oryWebAuthnLogin from the
// flow's own script node, /.well-known/ory/webauthn.js) without inline event handlers, so the pages' CSP needs no
// 'unsafe-inline'. The functions are called without arguments: webauthn.js then reads the options from the trigger's
// value (security keys) or from the passkey_challenge / passkey_create_data inputs, writes the result into the form
// and submits it.
(function () {
  'use strict';
  function find(name) {
    var fn = window[name];
    return typeof fn === 'function' ? fn : null;
  }
  // webauthn.js is loaded async; a function it has not defined yet runs once it announces itself.
  function whenReady(name, run) {
    if (find(name)) { run(find(name)); return; }
    window.addEventListener('oryWebAuthnInitialized', function () {
      if (find(name)) { run(find(name)); }
    }, { once: true });
  }
  document.querySelectorAll('[data-onclick-trigger]').forEach(function (el) {
    el.addEventListener('click', function (event) {
      var fn = find(el.getAttribute('data-onclick-trigger'));
      if (fn) { event.preventDefault(); fn(); }
    });
  });
  function onLoad() {
    document.querySelectorAll('[data-onload-trigger]').forEach(function (el) {
      whenReady(el.getAttribute('data-onload-trigger'), function (fn) { fn(); });
    });
  }
  if (document.readyState === 'complete') { onLoad(); } else { window.addEventListener('load', onLoad); }
})();
