// Article page: keyboard tagging through one ordered save queue, text selection → claim
// offsets, and "done" only once every save has landed.
// Loaded as a file (the Content-Security-Policy forbids inline scripts); keys are bound
// through keyboard.js, the module review.js shares.
(function () {
  "use strict";

  var keyboard = window.ClaimTrack.keyboard;
  var ITEM = "[data-unit]";

  // --- Strings, translated by the server into data attributes --------------------------
  function text(name, values) {
    var box = document.getElementById("annotate-strings");
    var s = (box && box.getAttribute("data-" + name)) || name;
    Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(values[k]); });
    return s;
  }

  function announce(message, isError) {
    var status = document.getElementById("save-status");
    if (!status) return;
    status.textContent = "";
    status.classList.toggle("is-error", !!isError);
    // A fresh text node makes screen readers announce a repeated message too.
    window.setTimeout(function () { status.textContent = message; }, 30);
  }

  function units() {
    return keyboard.items(ITEM);
  }

  function byKey(key) {
    return document.querySelector('[data-unit="' + key + '"]');
  }

  function highlight(unit) {
    document.querySelectorAll(".seg.is-active").forEach(function (s) { s.classList.remove("is-active"); });
    if (!unit) return;
    // Each unit has its own evidence: the allegation and the denial of one claim sit apart.
    var key = unit.getAttribute("data-unit");
    document.querySelectorAll('.seg[data-units~="' + key + '"]').forEach(function (s) {
      s.classList.add("is-active");
    });
  }

  function focusAfter(unit) {
    var list = units();
    var next = list[list.indexOf(unit) + 1];
    if (next) keyboard.focus(next);
    else keyboard.focus(document.getElementById("done-button"));
  }

  // --- The save queue ------------------------------------------------------------------
  // Every write of the page (stance, note, undo) goes through this queue: one request at a
  // time, in the order the keys were pressed, each sent with the version the unit's latest
  // answer carries. Nothing is shown as saved before the server says so, and a failed save
  // stays on its unit as "not saved" with a retry.
  var queue = [];
  var sending = null;
  var failed = {}; // unit key → the save that failed
  var htmxPending = 0; // other requests of the page (add claim, add source)
  var doneWanted = false;
  var confirming = false;

  function csrf() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function busy() {
    return !!sending || queue.length > 0 || htmxPending > 0;
  }

  function markSaving(key) {
    var card = byKey(key);
    if (!card) return;
    card.classList.add("is-saving");
    card.setAttribute("aria-busy", "true");
    queue.concat(sending ? [sending] : []).forEach(function (job) {
      if (job.unit !== key || job.kind !== "stance") return;
      card.querySelectorAll("[data-label]").forEach(function (b) {
        b.classList.toggle("is-queued", b.getAttribute("data-label") === job.label);
      });
    });
  }

  function markFailed(key) {
    var card = byKey(key);
    var job = failed[key];
    if (!card || !job) return;
    card.classList.remove("is-saving");
    card.removeAttribute("aria-busy");
    card.classList.add("has-failed");
    card.setAttribute("data-failed", "1");
    var old = card.querySelector(".unit-failed");
    if (old) old.remove();
    var box = document.createElement("p");
    box.className = "unit-failed";
    box.setAttribute("role", "alert");
    box.textContent = text("not-saved", { reason: job.reason }) + " ";
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "small";
    retry.setAttribute("data-retry", "");
    retry.setAttribute("tabindex", "-1");
    retry.textContent = text("retry") + " ";
    var kbd = document.createElement("kbd");
    kbd.textContent = "r";
    retry.appendChild(kbd);
    box.appendChild(retry);
    card.querySelector(".unit-foot").appendChild(box);
  }

  function enqueue(job) {
    queue.push(job);
    confirming = false;
    hideConfirm();
    markSaving(job.unit);
    pump();
  }

  function pump() {
    if (sending) return;
    if (!queue.length) {
      whenIdle();
      return;
    }
    sending = queue.shift();
    var job = sending;
    send(job).then(function () {
      sending = null;
      pump();
    });
  }

  function send(job) {
    var card = byKey(job.unit);
    if (!card) return Promise.resolve(); // the unit left the page (its claim was re-rendered away)
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf());
    var url = card.getAttribute("data-save-url");
    // Every write names the version this page holds, so a change made elsewhere meanwhile
    // (another tab, the API) answers 409 instead of being overwritten or undone blindly.
    data.append("version", card.querySelector("input[name=version]").value);
    if (job.kind === "undo") {
      url = card.getAttribute("data-undo-url");
    } else if (job.kind === "move") {
      url = card.getAttribute("data-move-url");
      data.append("claim", job.claim);
    } else {
      if (job.kind === "stance") data.append("label", job.label);
      if (job.kind === "note") {
        data.append("action", "note");
        data.append("note", job.note);
      }
    }
    return fetch(url, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "HX-Request": "true", "X-CSRFToken": csrf() },
    }).then(function (response) {
      return response.text().then(function (html) { answered(job, response, html); });
    }, function () {
      fail(job, text("no-answer"));
    });
  }

  function fragment(html, key) {
    // The server's own fragment (as htmx would swap it); parsed inert, then adopted.
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var el = parsed.querySelector("[data-unit]");
    if (el) el = document.importNode(el, true);
    return el && el.getAttribute("data-unit") === key ? el : null;
  }

  function savedMessage(response) {
    try {
      var events = JSON.parse(response.headers.get("HX-Trigger") || "{}");
      return events.stanceSaved && events.stanceSaved.message;
    } catch (e) {
      return null;
    }
  }

  function answered(job, response, html) {
    if (job.kind === "move" && response.ok) {
      workspaceSwap(html, response);
      return;
    }
    var fresh = fragment(html, job.unit);
    var message = response.ok ? savedMessage(response) : null;
    if (fresh && message) {
      delete failed[job.unit];
      swap(job.unit, fresh);
      var others = Object.keys(failed).length;
      announce(others ? message + " · " + text("still-failed", { n: others }) : message, others > 0);
      return;
    }
    if (fresh) {
      // Refused (a stale version, a bad label): the fragment shows the current value and why.
      var reason = fresh.querySelector(".unit-error");
      swap(job.unit, fresh);
      fail(job, reason ? reason.textContent : text("server-error", { status: response.status }));
      return;
    }
    fail(job, text("server-error", { status: response.status }));
  }

  // A move answers with the whole workspace (the unit now also sits on another claim).
  function workspaceSwap(html, response) {
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var fresh = parsed.getElementById("article-workspace");
    var old = document.getElementById("article-workspace");
    if (!fresh || !old) return;
    fresh = document.importNode(fresh, true);
    old.replaceWith(fresh);
    if (window.htmx) window.htmx.process(fresh);
    var added = null;
    try {
      added = JSON.parse(response.headers.get("HX-Trigger-After-Settle") || "{}").unitAdded;
    } catch (e) { added = null; }
    if (added) {
      announce(added.message);
      keyboard.focus(byKey(added.unit));
    }
  }

  function fail(job, reason) {
    job.reason = reason;
    failed[job.unit] = job;
    markFailed(job.unit);
    announce(text("status-failed", { reason: reason }), true);
  }

  function swap(key, fresh) {
    var card = byKey(key);
    if (!card) return;
    var active = document.activeElement;
    var hadFocus = card.contains(active);
    var typing = hadFocus && active.hasAttribute("data-note") ? active : null;
    card.replaceWith(fresh);
    if (window.htmx) window.htmx.process(fresh);
    if (typing) {
      // A note being typed while an earlier save of its unit lands keeps its text and caret.
      var note = fresh.querySelector("[data-note]");
      note.value = typing.value;
      note.focus({ preventScroll: true });
      note.setSelectionRange(typing.selectionStart, typing.selectionEnd);
    } else if (hadFocus) {
      fresh.focus({ preventScroll: true });
    }
    if (queue.some(function (job) { return job.unit === key; })) markSaving(key);
    if (failed[key]) markFailed(key);
  }

  function retry(unit) {
    var key = unit.getAttribute("data-unit");
    var job = failed[key];
    if (!job) return false;
    delete failed[key];
    unit.classList.remove("has-failed");
    unit.removeAttribute("data-failed");
    var box = unit.querySelector(".unit-failed");
    if (box) box.remove();
    enqueue({ unit: key, kind: job.kind, label: job.label, note: job.note });
    return true;
  }

  // --- Done: only once every save landed, and after asking about unjudged units ----------
  function showConfirm(message) {
    var box = document.getElementById("done-confirm");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  function hideConfirm() {
    var box = document.getElementById("done-confirm");
    if (box) box.hidden = true;
  }

  function whenIdle() {
    if (doneWanted && !busy()) requestDone();
  }

  function requestDone() {
    if (busy()) {
      doneWanted = true;
      announce(text("waiting", { n: queue.length + (sending ? 1 : 0) + htmxPending }));
      return;
    }
    doneWanted = false;
    var failedUnits = Object.keys(failed).map(byKey).filter(Boolean);
    if (failedUnits.length) {
      confirming = false;
      showConfirm(text("done-failed", { n: failedUnits.length }));
      keyboard.focus(failedUnits[0]);
      return;
    }
    var list = units();
    var open = list.filter(function (u) { return !u.classList.contains("is-judged"); });
    if (open.length && !confirming) {
      confirming = true;
      showConfirm(text("unjudged", { n: open.length, total: list.length }));
      return;
    }
    confirming = false;
    var form = document.getElementById("done-form");
    if (form) form.submit(); // a plain submit: no submit event, so no second round here
  }

  function backFromConfirm() {
    confirming = false;
    hideConfirm();
    var open = units().filter(function (u) { return !u.classList.contains("is-judged"); });
    keyboard.focus(open[0] || units()[0]);
  }

  // --- Corrections: replace the source, move to another claim ---------------------------
  function replaceSource(unit) {
    var claim = unit.closest("[data-claim]").getAttribute("data-claim");
    if (!window.htmx) return;
    window.htmx.ajax("GET", unit.getAttribute("data-replace-url"), {
      source: unit, target: "#add-source-" + claim, swap: "innerHTML",
    });
  }

  function openMove(unit) {
    var claims = keyboard.items("#claim-list > .claim").filter(function (c) {
      return c !== unit.closest(".claim");
    });
    if (!claims.length) return false;
    var old = unit.querySelector(".move-panel");
    if (old) old.remove();
    var panel = document.createElement("div");
    panel.className = "move-panel";
    panel.setAttribute("role", "group");
    var intro = document.createElement("p");
    intro.textContent = text("move-intro");
    panel.appendChild(intro);
    claims.forEach(function (c) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      var number = c.querySelector(".claim-no").textContent;
      button.setAttribute("data-move-to", c.getAttribute("data-claim"));
      button.setAttribute("data-move-key", number);
      var kbd = document.createElement("kbd");
      kbd.textContent = number;
      button.appendChild(kbd);
      button.appendChild(document.createTextNode(" " + c.querySelector(".claim-text q").textContent));
      panel.appendChild(button);
    });
    unit.querySelector(".unit-foot").appendChild(panel);
    keyboard.focus(panel.querySelector("button"));
    return true;
  }

  function moveTo(unit, claim) {
    var panel = unit.querySelector(".move-panel");
    if (panel) panel.remove();
    keyboard.focus(unit);
    enqueue({ unit: unit.getAttribute("data-unit"), kind: "move", claim: claim });
  }

  // Keys inside the move panel: the claim's number picks it, Escape closes the panel.
  document.addEventListener("keydown", function (ev) {
    var panel = ev.target.closest && ev.target.closest(".move-panel");
    if (!panel || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var unit = panel.closest(ITEM);
    var pick = /^[1-9]$/.test(ev.key) ? panel.querySelector('[data-move-key="' + ev.key + '"]') : null;
    if (ev.key === "Escape" || pick) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (pick) moveTo(unit, pick.getAttribute("data-move-to"));
      else {
        panel.remove();
        keyboard.focus(unit);
      }
    } else if (/^[a-z0-9]$/.test(ev.key)) {
      ev.stopImmediatePropagation(); // no unit shortcut fires from inside the panel
    }
  }, true);

  document.addEventListener("click", function (ev) {
    var pick = ev.target.closest && ev.target.closest("[data-move-to]");
    if (pick) moveTo(pick.closest(ITEM), pick.getAttribute("data-move-to"));
  });

  // In the source search, the arrow keys walk from the field through the results.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var box = ev.target.closest && ev.target.closest(".add-source-box");
    if (!box) return;
    var stops = [box.querySelector("input[type=search]")].concat(
      Array.prototype.slice.call(box.querySelectorAll(".source-results button")));
    var i = stops.indexOf(ev.target);
    if (i < 0) return;
    var next = stops[i + (ev.key === "ArrowDown" ? 1 : -1)];
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  });

  // "Create new source" starts from the name typed in the search, until the name is edited.
  document.addEventListener("input", function (ev) {
    var box = ev.target.closest && ev.target.closest(".add-source-box");
    if (!box) return;
    var name = box.querySelector("input[name$=-name]");
    if (!name) return;
    if (ev.target === name) {
      name.setAttribute("data-edited", "1");
    } else if (ev.target.matches("input[type=search]") && !name.hasAttribute("data-edited")) {
      name.value = ev.target.value;
    }
  });

  // --- Keys --------------------------------------------------------------------------
  keyboard.bind({
    page: "annotate-page",
    item: ITEM,
    onFocus: highlight,
    onFieldKey: function (ev, unit) {
      if (!unit || !ev.target.hasAttribute("data-note")) return false;
      if (ev.key === "Enter") {
        // Save the note, and give the keyboard back to the unit for the next shortcut.
        ev.preventDefault();
        enqueue({ unit: unit.getAttribute("data-unit"), kind: "note", note: ev.target.value });
        keyboard.focus(unit);
        return true;
      }
      return false;
    },
    onKey: function (ev, unit) {
      var key = ev.key;
      if (key === "Escape" && confirming) {
        backFromConfirm();
        return true;
      }
      if (key === "Enter") {
        if (ev.target.closest && ev.target.closest("button, a, summary")) return false; // native activation
        var addClaim = document.getElementById("add-claim-button");
        if (selectionInText() && addClaim && !addClaim.disabled) {
          addClaim.click(); // Enter right after selecting text adds the claim, never "done"
        } else {
          requestDone();
        }
        return true;
      }
      if (key === "g") {
        var guidelines = document.getElementById("guidelines-panel");
        if (!guidelines) return false;
        guidelines.open = !guidelines.open;
        if (guidelines.open) keyboard.focus(guidelines.querySelector("summary"));
        return true;
      }
      if (!unit) return false;
      var button = /^([1-9]|x)$/.test(key) ? unit.querySelector('[data-label][data-key="' + key + '"]') : null;
      if (button) {
        enqueue({ unit: unit.getAttribute("data-unit"), kind: "stance", label: button.getAttribute("data-label") });
        focusAfter(unit);
        return true;
      }
      if (key === "n") {
        unit.querySelector("[data-note]").focus();
        return true;
      }
      if (key === "u") {
        enqueue({ unit: unit.getAttribute("data-unit"), kind: "undo" });
        return true;
      }
      if (key === "r") return retry(unit);
      if (key === "s") {
        replaceSource(unit);
        return true;
      }
      if (key === "m") return openMove(unit);
      return false;
    },
  });

  // Clicks and native submits of a unit's forms join the same queue; a form never posts
  // on its own while scripts run, so a key landing on a card just swapped in cannot reload
  // the page mid-typing.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.id === "done-form") {
      ev.preventDefault();
      requestDone();
      return;
    }
    var unit = form.closest(ITEM);
    if (!unit || !form.hasAttribute("data-unit-form")) return;
    ev.preventDefault();
    ev.stopPropagation();
    var key = unit.getAttribute("data-unit");
    var submitter = ev.submitter;
    if (form.hasAttribute("data-undo-form")) {
      enqueue({ unit: key, kind: "undo" });
    } else if (submitter && submitter.hasAttribute("data-label")) {
      enqueue({ unit: key, kind: "stance", label: submitter.getAttribute("data-label") });
    } else {
      enqueue({ unit: key, kind: "note", note: form.querySelector("[data-note]").value });
      keyboard.focus(unit);
    }
  }, true);

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest("[data-retry]");
    if (button) retry(button.closest(ITEM));
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

  // --- htmx (add claim, add source): messages and focus after swaps --------------------
  document.addEventListener("htmx:beforeRequest", function () { htmxPending++; });
  document.addEventListener("htmx:afterRequest", function () {
    htmxPending = Math.max(0, htmxPending - 1);
    window.setTimeout(whenIdle, 0);
  });

  document.body.addEventListener("claimAdded", function (ev) {
    announce(ev.detail.message);
    var link = document.querySelector("#claim-" + ev.detail.claim + " .add-source-link");
    if (link) { link.focus(); link.scrollIntoView({ block: "nearest" }); }
  });
  document.body.addEventListener("unitAdded", function (ev) {
    announce(ev.detail.message);
    keyboard.focus(byKey(ev.detail.unit));
  });

  document.addEventListener("htmx:afterSwap", function (ev) {
    var el = ev.detail.elt;
    if (el && el.classList && el.classList.contains("add-source-slot")) {
      var input = el.querySelector("[data-autofocus]");
      if (input) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    }
  });
  // The registry search runs as letters are typed, from the first one. It is listened for on the
  // page: htmx wires a swapped-in field only when it settles, a moment after the field took focus
  // above, and letters typed in between searched nothing.
  var searchTimer = null;
  document.addEventListener("input", function (ev) {
    var input = ev.target;
    if (!input.matches || !input.matches(".source-search input[type=search]")) return;
    var form = input.form;
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      window.htmx.ajax("GET", form.getAttribute("action") + "?" + new URLSearchParams({ q: input.value }), {
        source: input, target: form.getAttribute("hx-target"), swap: "outerHTML" });
    }, 250);
  });
  document.addEventListener("htmx:afterSettle", function () {
    setup();
    // A re-rendered workspace shows the units as stored: keep the marks of saves still open.
    queue.forEach(function (job) { markSaving(job.unit); });
    Object.keys(failed).forEach(markFailed);
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
      keyboard.focus(hashed);
      return;
    }
    var list = units();
    var first = list.filter(function (u) { return !u.classList.contains("is-judged"); })[0] || list[0];
    keyboard.focus(first);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
