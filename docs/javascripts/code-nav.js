// Material puts each code block's copy button in a <nav> with no name: with several code blocks, a page has several
// navigation landmarks a screen reader cannot tell apart (axe landmark-unique). The button is no navigation: the
// <nav> is made a plain container (role none), as Material creates it.
(function () {
  function plain(root) {
    root.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) { nav.setAttribute("role", "none"); });
  }
  new MutationObserver(function () { plain(document); }).observe(document.documentElement, {childList: true, subtree: true});
  plain(document);
})();
