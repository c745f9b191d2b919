// The language link (overrides/partials/alternate.html) leads to this page in the other language: it takes the
// address's query string and fragment along (a filtered catalog, a place on the page), read when it is followed,
// since the catalog's filters change the address as the reader uses them.
(function () {
  var links = document.querySelectorAll("a[data-rvase-twin]");
  function carry() {
    for (var i = 0; i < links.length; i++) {
      links[i].search = location.search;
      links[i].hash = location.hash;
    }
  }
  for (var i = 0; i < links.length; i++) {
    ["pointerdown", "focus", "click", "contextmenu"].forEach(function (type) { links[i].addEventListener(type, carry); });
  }
  carry();
})();
