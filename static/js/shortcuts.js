// Keyboard help on every page: "?" opens a dialog listing the page's shortcuts
// (rendered by the server into <dialog id="shortcut-help">), Escape closes it.
// Page scripts (annotate.js, review.js) own their own keys; this file only adds "?".
// No shortcut fires while the reader types in a field.
(function () {
  "use strict";

  // Exposed so page scripts can ask the same question: is the reader typing?
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
  window.ClaimTrack = window.ClaimTrack || {};
  window.ClaimTrack.isTyping = isTyping;

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

  function toggle() {
    var d = dialog();
    if (d && d.open) close(); else open();
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key !== "?") return;
    if (isTyping(ev.target)) return; // "?" is a character when typing
    ev.preventDefault();
    ev.stopImmediatePropagation();
    toggle();
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
