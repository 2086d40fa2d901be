// Disagreement queue: settle units from the keyboard (keys bound through keyboard.js).
// j/k move between units, 1…n pick the final label, x "rejected", r focuses the reason, Enter saves.
(function () {
  "use strict";

  var keyboard = window.ClaimTrack.keyboard;
  var ITEM = ".review-unit";

  function focusUnit(unit) {
    if (!unit) return;
    keyboard.items(ITEM).forEach(function (u) { u.classList.remove("is-focused"); });
    unit.classList.add("is-focused");
    keyboard.focus(unit);
  }

  function nextOpen(after) {
    var list = keyboard.items(ITEM);
    var start = list.indexOf(after);
    for (var i = start + 1; i < list.length; i++) {
      if (!list[i].classList.contains("is-settled")) return list[i];
    }
    return null;
  }

  function submit(form) {
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  }

  keyboard.bind({
    page: "review-page",
    item: ITEM,
    // Enter in the reason saves; Shift+Enter makes a new line; Escape goes back to the unit.
    onFieldKey: function (ev, unit) {
      if (ev.target.matches("textarea") && ev.key === "Enter" && !ev.shiftKey && unit) {
        ev.preventDefault();
        submit(unit.querySelector(".resolve-form"));
        return true;
      }
      return false;
    },
    onKey: function (ev, unit) {
      if (!unit) return false;
      if (/^[1-9x]$/.test(ev.key)) {
        var option = unit.querySelector('input[type=radio][name=label][data-key="' + ev.key + '"]');
        if (option) option.checked = true;
        return !!option;
      }
      if (ev.key === "r") {
        unit.querySelector("textarea[name=reason]").focus();
        return true;
      }
      if (ev.key === "Enter" && !ev.target.matches("button, a")) {
        submit(unit.querySelector(".resolve-form"));
        return true;
      }
      return false;
    },
  });

  // A refused decision (400) or another lead's (409) comes back as the unit's card: show it.
  document.addEventListener("htmx:beforeSwap", function (ev) {
    var status = ev.detail.xhr.status;
    if (status === 400 || status === 409) {
      ev.detail.shouldSwap = true;
      ev.detail.isError = false;
    }
  });

  // After a swap, keep the keyboard where the lead is: on to the next open unit once saved,
  // back on the same unit when something needs their attention.
  document.addEventListener("htmx:afterSwap", function (ev) {
    var unit = ev.detail.target;
    if (!unit || !unit.classList || !unit.classList.contains("review-unit")) {
      var swapped = document.getElementById(ev.detail.target && ev.detail.target.id);
      unit = swapped && swapped.classList.contains("review-unit") ? swapped : null;
    }
    if (!unit) return;
    var fresh = document.getElementById(unit.id) || unit;
    if (fresh.querySelector(".unit-error")) { focusUnit(fresh); return; }
    focusUnit(nextOpen(fresh) || fresh);
  });

  document.addEventListener("resolutionSaved", function (ev) {
    var box = document.getElementById("messages");
    if (!box || !ev.detail || !ev.detail.message) return;
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "message message-success";
    p.textContent = ev.detail.message;
    box.appendChild(p);
  });

  document.addEventListener("DOMContentLoaded", function () {
    var hash = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (hash && hash.classList.contains("review-unit")) focusUnit(hash);
  });
})();
