// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Filters and the search mode switch submit on change, so their submit buttons can hide.
  function wire(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      if (el.dataset.wired) return;
      el.dataset.wired = "1";
      el.addEventListener("change", function () {
        var form = el.form || el.closest("form");
        if (form) form.requestSubmit();
      });
    });
    document.documentElement.classList.add("js");
  }

  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  document.addEventListener("htmx:load", function (e) { wire(e.target); });
})();

// The Cite box's copy button (shown only with JavaScript); without the clipboard API the text is selected instead.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("[data-copy]") : null;
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    var status = button.parentElement.querySelector(".copy-status");
    function done(text) { if (status) status.textContent = text; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value || source.textContent).then(
        function () { done("Copied."); },
        function () { source.select(); done("Press Ctrl+C to copy."); });
    } else {
      source.select();
      done(document.execCommand && document.execCommand("copy") ? "Copied." : "Press Ctrl+C to copy.");
    }
  });
})();
