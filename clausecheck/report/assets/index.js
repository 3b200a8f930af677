// clausecheck index: sort the contracts table by any column. Reads the page only.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("button.print")) { window.print(); return; }
    var button = event.target.closest("button.sort");
    if (!button) { return; }
    var th = button.closest("th");
    var table = th.closest("table");
    var col = Number(button.getAttribute("data-col"));
    var numeric = button.getAttribute("data-type") === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute("data-sort"), y = b.cells[col].getAttribute("data-sort");
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
})();
