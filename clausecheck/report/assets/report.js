// clausecheck report: jump to a clause and flash it, copy a fallback clause, toggle highlights,
// move between findings with the arrow keys. Reads the page only; no data, no network.
(function () {
  "use strict";
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function showClause(link) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) { return false; }
    var doc = link.closest("article.doc");
    var id = link.getAttribute("data-clause");
    var parts = [target];
    if (doc && id) {
      parts = parts.concat(Array.prototype.slice.call(doc.querySelectorAll('.hl[data-c~="' + CSS.escape(id) + '"]')));
    }
    target.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    target.focus({ preventScroll: true });
    parts.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth; // restart the animation when the same clause is shown twice
      el.classList.add("flash");
    });
    window.setTimeout(function () { parts.forEach(function (el) { el.classList.remove("flash"); }); }, 2500);
    var finding = link.closest(".finding");
    document.querySelectorAll(".finding.current").forEach(function (el) { el.classList.remove("current"); });
    if (finding) {
      finding.classList.add("current");
      var more = finding.querySelector("details.more");
      if (more) { more.open = true; }
    }
    if (history.replaceState) { history.replaceState(null, "", link.hash); }
    return true;
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    var text = source.textContent;
    function done() { button.textContent = "Copied ✓"; window.setTimeout(function () { button.textContent = "Copy clause"; }, 2000); }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(source);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand("copy"); done(); } catch (e) { button.textContent = "Press Ctrl+C"; }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("button.print")) { window.print(); return; }
    var link = event.target.closest("a.jump, a.goto");
    if (link && showClause(link)) { event.preventDefault(); return; }
    var button = event.target.closest("button.copy");
    if (button) { copy(button); return; }
    var legend = event.target.closest("button.legend-item");
    if (legend) {
      var on = legend.getAttribute("aria-pressed") !== "true";
      legend.setAttribute("aria-pressed", on ? "true" : "false");
      var doc = legend.closest("article.doc");
      if (doc) { doc.classList.toggle("hide-" + legend.getAttribute("data-type"), !on); }
    }
  });

  // Printed reports show every finding in full.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more").forEach(function (d) { d.open = true; });
  });

  document.addEventListener("keydown", function (event) {
    var link = event.target.closest && event.target.closest("aside.findings a.jump");
    if (!link) { return; }
    var all = Array.prototype.slice.call(link.closest("aside.findings").querySelectorAll("a.jump"));
    var i = all.indexOf(link), next = null;
    if (event.key === "ArrowDown") { next = all[i + 1]; }
    else if (event.key === "ArrowUp") { next = all[i - 1]; }
    else if (event.key === "Home") { next = all[0]; }
    else if (event.key === "End") { next = all[all.length - 1]; }
    if (next) { event.preventDefault(); next.focus(); }
  });
})();
