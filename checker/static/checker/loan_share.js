// Fill the loan-offer form from the link's fragment (#amount=…&term=…), then check it.
// The fragment never reaches a server; the check itself sends the numbers as a normal form.
// No eval, no inline script: allowed by the app's CSP. The page works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("loan-form");
    var hash = window.location.hash.replace(/^#/, "");
    if (!form || !hash) return;
    var params = new URLSearchParams(hash);
    var filled = false;
    params.forEach(function (value, name) {
      var field = form.elements.namedItem(name);
      if (!field || name === "lang") return;
      if (field instanceof RadioNodeList) {
        Array.prototype.forEach.call(field, function (input) { input.checked = input.value === value; });
      } else if (field.type === "checkbox") {
        field.checked = value === "on";
      } else {
        field.value = value;
        var more = field.closest && field.closest("details");
        if (more && value) more.open = true;
      }
      filled = true;
    });
    if (filled) {
      // htmx (when loaded) answers the submit event in place; otherwise the form navigates.
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
  });
})();
