// The one keyboard module of every page. It answers the questions every page script asks
// (is the reader typing? which item of a list has focus? move to the next one) and binds
// a page's keys to its list of items, so annotate.js and review.js share one behaviour:
// j/k move, shortcuts never fire in a field, Escape in a field goes back to its item.
// It also owns "?", the dialog listing the page's shortcuts (rendered by the server into
// <dialog id="shortcut-help">).
(function () {
  "use strict";

  function isTyping(el) {
    if (!el || !el.closest) return false;
    if (el.isContentEditable) return true;
    var field = el.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])");
    if (!field) return false;
    if (field.tagName === "INPUT") {
      var type = (field.getAttribute("type") || "text").toLowerCase();
      return ["button", "submit", "reset", "checkbox", "radio", "image", "range", "color", "file"].indexOf(type) === -1;
    }
    return true;
  }

  function items(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function current(selector) {
    var el = document.activeElement;
    return el && el.closest ? el.closest(selector) : null;
  }

  function focus(el) {
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest" });
  }

  function move(selector, delta) {
    var list = items(selector);
    if (!list.length) return null;
    var i = list.indexOf(current(selector));
    var j = i < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + delta));
    focus(list[j]);
    return list[j];
  }

  // Bind a page's keys. `options`: page (body class), item (selector of the list's items),
  // onKey(ev, item) for keys outside fields (return true when handled), onFieldKey(ev, item)
  // for keys typed in a field (Escape already goes back to the item).
  function bind(options) {
    document.addEventListener("keydown", function (ev) {
      if (!document.body.classList.contains(options.page)) return;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var item = current(options.item);
      if (isTyping(ev.target)) {
        if (options.onFieldKey && options.onFieldKey(ev, item)) return;
        if (ev.key === "Escape" && item) {
          ev.preventDefault();
          focus(item);
        }
        return;
      }
      if (options.onKey && options.onKey(ev, item)) {
        ev.preventDefault();
        return;
      }
      if (ev.key === "j" || ev.key === "k") {
        ev.preventDefault();
        move(options.item, ev.key === "j" ? 1 : -1);
      }
    });
    document.addEventListener("focusin", function (ev) {
      if (!document.body.classList.contains(options.page)) return;
      var item = ev.target.closest ? ev.target.closest(options.item) : null;
      items(options.item).forEach(function (u) { u.classList.toggle("is-focused", u === item); });
      if (options.onFocus) options.onFocus(item);
    });
  }

  window.ClaimTrack = window.ClaimTrack || {};
  window.ClaimTrack.isTyping = isTyping;
  window.ClaimTrack.keyboard = {
    isTyping: isTyping, items: items, current: current, focus: focus, move: move, bind: bind,
  };

  // --- "?": the list of the page's shortcuts -------------------------------------------
  var opener = null;

  function dialog() {
    return document.getElementById("shortcut-help");
  }

  function open() {
    var d = dialog();
    if (!d || d.open) return;
    opener = document.activeElement;
    d.showModal();
  }

  function close() {
    var d = dialog();
    if (d && d.open) d.close();
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key !== "?") return;
    if (isTyping(ev.target)) return; // "?" is a character when typing
    ev.preventDefault();
    ev.stopImmediatePropagation();
    var d = dialog();
    if (d && d.open) close(); else open();
  }, true);

  function start() {
    var d = dialog();
    if (!d) return;
    // The dialog closes itself on Escape and on its Close button; give focus back.
    d.addEventListener("close", function () {
      if (opener && opener.focus && document.contains(opener)) opener.focus({ preventScroll: true });
      opener = null;
    });
    // A click on the backdrop (outside the dialog box) closes it too.
    d.addEventListener("click", function (ev) {
      if (ev.target === d) close();
    });
    document.querySelectorAll("[data-shortcut-help]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", open);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
