// The verdict form (a tracked claim's page, a claim's verdict page): a refused verdict (400) or
// another lead's change (409) comes back as the form with its message, so show it, and put the
// keyboard on the message, or back on the rating once saved.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (ev) {
    var status = ev.detail.xhr.status;
    if (ev.detail.target && ev.detail.target.id === "verdict-form" && (status === 400 || status === 409)) {
      ev.detail.shouldSwap = true;
      ev.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSwap", function (ev) {
    var form = document.getElementById("verdict-form");
    if (!form || ev.detail.target !== form && !form.contains(ev.detail.target) && ev.detail.elt !== form) {
      return;
    }
    var focus = form.querySelector("[data-verdict-error], [data-verdict-saved]");
    if (focus) {
      focus.focus();
    }
  });
})();
