// The language link carries the address's query and fragment to the twin page (overrides/partials/alternate.html).
(function () {
  var links = document.querySelectorAll("a[data-rvase-twin]");
  function carry() {
    links.forEach(function (a) { a.search = location.search; a.hash = location.hash; });
  }
  links.forEach(function (a) { ["pointerdown", "focus", "click"].forEach(function (t) { a.addEventListener(t, carry); }); });
  carry();
})();
