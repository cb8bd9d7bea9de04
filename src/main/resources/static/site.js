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
