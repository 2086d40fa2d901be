// Article page: keyboard tagging, text selection → claim offsets, focus after htmx swaps.
// Loaded as a file (the Content-Security-Policy forbids inline scripts).
(function () {
  "use strict";

  var pending = 0; // htmx requests in flight: "done" waits for them, so no stance is lost
  // Keys pressed on a unit whose save is still in flight wait for its fresh fragment, so
  // they send the new version instead of tripping the stale-page check.
  var waiting = {};

  function whenIdle(unit, action) {
    if (!unit.querySelector(".htmx-request")) {
      action(unit);
      return;
    }
    var key = unit.getAttribute("data-unit");
    (waiting[key] = waiting[key] || []).push(action);
  }

  function replayWaiting() {
    Object.keys(waiting).forEach(function (key) {
      var unit = document.querySelector('[data-unit="' + key + '"]');
      if (!unit) {
        delete waiting[key];
        return;
      }
      if (unit.querySelector(".htmx-request")) return;
      var actions = waiting[key];
      delete waiting[key];
      actions.forEach(function (action) { whenIdle(unit, action); });
    });
  }

  function units() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-unit]"));
  }

  function isField(el) {
    return !!(el && el.closest && el.closest("input, textarea, select, [contenteditable]"));
  }

  function currentUnit() {
    var el = document.activeElement;
    return el && el.closest ? el.closest("[data-unit]") : null;
  }

  function highlight(unit) {
    document.querySelectorAll(".seg.is-active").forEach(function (s) {
      s.classList.remove("is-active");
    });
    if (!unit) return;
    var claim = unit.getAttribute("data-claim");
    document.querySelectorAll('.seg[data-claims~="' + claim + '"]').forEach(function (s) {
      s.classList.add("is-active");
    });
  }

  function focusUnit(unit) {
    if (!unit) return;
    unit.focus({ preventScroll: true });
    unit.scrollIntoView({ block: "nearest" });
  }

  function focusAfter(unit) {
    var list = units();
    var next = list[list.indexOf(unit) + 1];
    if (next) {
      focusUnit(next);
    } else {
      var done = document.getElementById("done-button");
      if (done) done.focus();
    }
  }

  function move(delta) {
    var list = units();
    if (!list.length) return;
    var i = list.indexOf(currentUnit());
    var j = i < 0 ? 0 : Math.min(list.length - 1, Math.max(0, i + delta));
    focusUnit(list[j]);
  }

  function announce(message) {
    var status = document.getElementById("save-status");
    if (!status) return;
    status.textContent = "";
    // A fresh text node makes screen readers announce a repeated message too.
    window.setTimeout(function () { status.textContent = message; }, 30);
  }

  function idle() {
    return pending === 0 && Object.keys(waiting).length === 0;
  }

  function submitDone() {
    var form = document.getElementById("done-form");
    if (form) form.requestSubmit();
  }

  document.addEventListener("keydown", function (ev) {
    if (!document.body.classList.contains("annotate-page")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var target = ev.target;
    if (isField(target)) {
      if (target.hasAttribute("data-note")) {
        var unitOfNote = target.closest("[data-unit]");
        if (ev.key === "Enter") {
          ev.preventDefault();
          whenIdle(unitOfNote, function (u) { u.querySelector("[data-save-note]").click(); });
        } else if (ev.key === "Escape") {
          ev.preventDefault();
          focusUnit(unitOfNote);
        }
      }
      return; // shortcuts never fire while typing
    }
    var unit = currentUnit();
    var key = ev.key;
    if (/^[1-9]$/.test(key)) {
      if (!unit) return;
      var index = parseInt(key, 10) - 1;
      if (!unit.querySelectorAll("[data-label]")[index]) return;
      ev.preventDefault();
      whenIdle(unit, function (u) { u.querySelectorAll("[data-label]")[index].click(); });
      focusAfter(unit);
    } else if (key === "j") {
      ev.preventDefault();
      move(1);
    } else if (key === "k") {
      ev.preventDefault();
      move(-1);
    } else if (key === "n" && unit) {
      ev.preventDefault();
      unit.querySelector("[data-note]").focus();
    } else if (key === "u" && unit) {
      ev.preventDefault();
      whenIdle(unit, function (u) {
        var undo = u.querySelector("[data-undo]");
        if (undo) undo.click();
      });
    } else if (key === "Enter") {
      if (target.closest && target.closest("button, a, summary")) return; // native activation
      ev.preventDefault();
      var addClaim = document.getElementById("add-claim-button");
      if (selectionInText() && addClaim && !addClaim.disabled) {
        addClaim.click(); // Enter right after selecting text adds the claim, never "done"
      } else {
        submitDone();
      }
    }
  });

  document.addEventListener("submit", function (ev) {
    if (ev.target.id === "done-form" && !idle()) {
      ev.preventDefault();
      var wait = window.setInterval(function () {
        if (idle()) {
          window.clearInterval(wait);
          ev.target.submit();
        }
      }, 50);
    }
  });

  document.addEventListener("focusin", function (ev) {
    var unit = ev.target.closest ? ev.target.closest("[data-unit]") : null;
    units().forEach(function (u) { u.classList.toggle("is-focused", u === unit); });
    highlight(unit);
  });

  // --- Text selection → exact character offsets -------------------------------------
  function codePoints(s) {
    return Array.from(s).length; // the server counts code points, JS strings count UTF-16 units
  }

  function offsetOf(node, offset, textEl) {
    if (node === textEl) {
      var child = textEl.childNodes[offset];
      if (child && child.getAttribute) return parseInt(child.getAttribute("data-start"), 10);
      return parseInt(textEl.getAttribute("data-length"), 10);
    }
    var el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    var seg = el && el.closest ? el.closest(".seg") : null;
    if (!seg || !textEl.contains(seg)) return null;
    var start = parseInt(seg.getAttribute("data-start"), 10);
    if (node.nodeType === Node.TEXT_NODE) return start + codePoints(node.data.slice(0, offset));
    return start + (offset === 0 ? 0 : codePoints(seg.textContent));
  }

  function selectionInText() {
    var textEl = document.getElementById("article-text");
    var sel = document.getSelection();
    return !!(textEl && sel && sel.rangeCount && !sel.isCollapsed &&
              textEl.contains(sel.getRangeAt(0).commonAncestorContainer));
  }

  function onSelection() {
    var textEl = document.getElementById("article-text");
    var sel = document.getSelection();
    if (!textEl || !sel || !sel.rangeCount || sel.isCollapsed) return;
    var range = sel.getRangeAt(0);
    if (!textEl.contains(range.commonAncestorContainer)) return;
    var a = offsetOf(range.startContainer, range.startOffset, textEl);
    var b = offsetOf(range.endContainer, range.endOffset, textEl);
    if (a === null || b === null) return;
    var body = Array.from(textEl.textContent);
    while (a < b && /\s/.test(body[a])) a++;
    while (b > a && /\s/.test(body[b - 1])) b--;
    if (a >= b) return;
    document.getElementById("claim-start").value = a;
    document.getElementById("claim-end").value = b;
    var preview = document.getElementById("selection-preview");
    var words = body.slice(a, b).join("");
    preview.textContent = "“" + (words.length > 160 ? words.slice(0, 157) + "…" : words) + "”";
    preview.classList.add("has-selection");
    document.getElementById("add-claim-button").disabled = false;
  }

  document.addEventListener("selectionchange", onSelection);

  // --- htmx: saved messages, focus after swaps ----------------------------------------
  document.addEventListener("htmx:beforeRequest", function () { pending++; });
  document.addEventListener("htmx:afterRequest", function (ev) {
    pending = Math.max(0, pending - 1);
    // A failed request swaps nothing; otherwise replay after the swap settles, once htmx
    // has wired up the fresh fragment (before that, a click would post without htmx).
    if (ev.detail.failed) window.setTimeout(replayWaiting, 0);
  });

  document.body.addEventListener("stanceSaved", function (ev) { announce(ev.detail.message); });
  document.body.addEventListener("claimAdded", function (ev) {
    announce(ev.detail.message);
    var link = document.querySelector("#claim-" + ev.detail.claim + " .add-source-link");
    if (link) { link.focus(); link.scrollIntoView({ block: "nearest" }); }
  });
  document.body.addEventListener("unitAdded", function (ev) {
    announce(ev.detail.message);
    focusUnit(document.querySelector('[data-unit="' + ev.detail.unit + '"]'));
  });

  document.addEventListener("htmx:afterSwap", function (ev) {
    var el = ev.detail.elt;
    if (el && el.classList && el.classList.contains("add-source-slot")) {
      var input = el.querySelector("[data-autofocus]");
      if (input) input.focus();
    }
  });
  document.addEventListener("htmx:afterSettle", function (ev) {
    var el = ev.detail.elt;
    if (el && el.getAttribute && el.getAttribute("data-error")) focusUnit(el);
    setup();
    replayWaiting();
  });

  function setup() {
    var button = document.getElementById("add-claim-button");
    var start = document.getElementById("claim-start");
    if (button && start && !start.value) button.disabled = true;
  }

  function start() {
    document.documentElement.classList.add("js");
    setup();
    var hashed = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (hashed && hashed.hasAttribute("data-unit")) {
      focusUnit(hashed);
      return;
    }
    var list = units();
    var first = list.filter(function (u) { return !u.classList.contains("is-judged"); })[0] || list[0];
    focusUnit(first);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
