// The language link carries the address's query and fragment to the twin page (overrides/partials/alternate.html).
// Its click goes no further: Material's own language script would drop the query on the way.
(function () {
  var links = document.querySelectorAll("a[data-rvase-twin]");
  function carry() {
    links.forEach(function (a) { a.search = location.search; a.hash = location.hash; });
  }
  links.forEach(function (a) {
    a.addEventListener("pointerdown", carry);
    a.addEventListener("focus", carry);
    a.addEventListener("click", function (event) { carry(); event.stopPropagation(); });
  });
  carry();
})();
