// rdp-triage: comfort only. Every page works without this file: answers are plain links and GET forms.
(function () {
  "use strict";

  // copy buttons: copy the command of the same block; fall back to a selection where the Clipboard API is not allowed (plain http)
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function setUpCopyButtons() {
    var buttons = document.querySelectorAll("button.copy");
    Array.prototype.forEach.call(buttons, function (button) {
      var block = button.closest(".command");
      var code = block && block.querySelector("code");
      if (!code) { return; }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(code.textContent).then(function () {
          button.textContent = "Copied";
          button.classList.add("done");
          setTimeout(function () { button.textContent = label; button.classList.remove("done"); }, 2000);
        }, function () {
          button.textContent = "Select and copy by hand";
        });
      });
    });
  }

  // number keys 1-9 pick the answer with that number on a question page
  function setUpKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      var target = event.target;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) { return; }
      if (!/^[1-9]$/.test(event.key)) { return; }
      var link = document.querySelector('a.choice[data-key="' + event.key + '"]');
      if (link) { event.preventDefault(); link.click(); }
    });
  }

  function setUpPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("button.print"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpCopyButtons();
    setUpKeys();
    setUpPrint();
  });
})();
