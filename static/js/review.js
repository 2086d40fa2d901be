// Disagreement queue: settle units from the keyboard.
// j/k move between units, 1…n pick the final label, r focuses the reason, Enter saves.
(function () {
  "use strict";

  function units() {
    return Array.prototype.slice.call(document.querySelectorAll(".review-unit"));
  }

  function current() {
    var el = document.activeElement;
    return el && el.closest ? el.closest(".review-unit") : null;
  }

  function focusUnit(unit) {
    if (!unit) return;
    units().forEach(function (u) { u.classList.remove("is-focused"); });
    unit.classList.add("is-focused");
    unit.focus({ preventScroll: true });
    unit.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var list = units();
    if (!list.length) return;
    var index = list.indexOf(current());
    var next = index === -1 ? (step > 0 ? 0 : list.length - 1) : index + step;
    if (next >= 0 && next < list.length) focusUnit(list[next]);
  }

  function nextOpen(after) {
    var list = units();
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

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (!document.body.classList.contains("review-page")) return;
    var target = ev.target;
    var typing = target.matches && target.matches("textarea, input[type=text], select");
    var unit = current();
    if (typing) {
      // Enter in the reason saves; Shift+Enter makes a new line; Escape goes back to the unit.
      if (target.matches("textarea") && ev.key === "Enter" && !ev.shiftKey && unit) {
        ev.preventDefault();
        submit(unit.querySelector(".resolve-form"));
      } else if (ev.key === "Escape" && unit) {
        focusUnit(unit);
      }
      return;
    }
    if (ev.key === "j") { ev.preventDefault(); move(1); return; }
    if (ev.key === "k") { ev.preventDefault(); move(-1); return; }
    if (!unit) return;
    if (/^[1-9]$/.test(ev.key)) {
      var options = unit.querySelectorAll("input[type=radio][name=label]");
      var option = options[Number(ev.key) - 1];
      if (option) { ev.preventDefault(); option.checked = true; }
      return;
    }
    if (ev.key === "r") {
      ev.preventDefault();
      unit.querySelector("textarea[name=reason]").focus();
      return;
    }
    if (ev.key === "Enter" && !target.matches("button, a")) {
      ev.preventDefault();
      submit(unit.querySelector(".resolve-form"));
    }
  });

  document.addEventListener("focusin", function (ev) {
    var unit = ev.target.closest && ev.target.closest(".review-unit");
    if (!unit) return;
    units().forEach(function (u) { u.classList.toggle("is-focused", u === unit); });
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
