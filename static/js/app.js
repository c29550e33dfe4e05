// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Quick exit: leave at once, and replace this page in history so "back" does not return.
  // Sign out as the page leaves: a beacon survives the navigation and does not delay it.
  function endSession(url) {
    if (!url || !navigator.sendBeacon) return;
    var token = "";
    try { token = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; } catch (e) { token = ""; }
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token);
    navigator.sendBeacon(url, data);
  }
  function quickExit(event) {
    var link = document.getElementById("quick-exit");
    if (!link) return;
    if (event) event.preventDefault();
    endSession(link.dataset.endSession);
    window.location.replace(link.dataset.exitUrl || link.href);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#quick-exit");
    if (link) quickExit(event);
  });
  // Pressing Escape three times quickly also leaves.
  var escapes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    escapes = escapes.filter(function (t) { return now - t < 1500; });
    escapes.push(now);
    if (escapes.length >= 3) quickExit(null);
  });
  // Confirm before destructive actions on forms marked data-confirm (htmx uses hx-confirm).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !form.hasAttribute("hx-post")) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    }
  });
  // After an htmx swap that contains errors, move focus to the first one for screen readers.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) return;
    var err = target.querySelector(".form-errors, [aria-invalid=true]");
    if (err) err.focus();
  });
  // htmx does not swap error responses, so the tap would seem to do nothing. Load the page
  // instead: the address asked for (a GET) or this page again, showing the current state.
  document.addEventListener("htmx:responseError", function (event) {
    var config = event.detail && event.detail.requestConfig;
    if (config && config.verb === "get" && config.path) window.location.assign(config.path);
    else window.location.reload();
  });
})();
