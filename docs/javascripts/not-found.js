/* The one 404 page answers every missing address. Under the English folder the reader asked for an English page:
   English comes first, as the page's main heading, the page says it is in English, and the header's language link
   leads to the French home instead of the English one. */
(function () {
  "use strict";
  var both = document.querySelector(".rvase-not-found");
  if (!both) return;
  var englishHome = new URL(both.getAttribute("data-english-home"), location.href).pathname;
  if (location.pathname.indexOf(englishHome) !== 0) return;
  var french = both.querySelector('[lang="fr"]'), english = both.querySelector('[lang="en"]');
  var frenchTitle = french.querySelector("h1"), englishTitle = english.querySelector("h2");
  var main = document.createElement("h1"), second = document.createElement("h2");
  document.title = document.title.replace(frenchTitle.textContent, englishTitle.textContent);
  main.id = frenchTitle.id;
  main.textContent = englishTitle.textContent;
  second.textContent = frenchTitle.textContent;
  frenchTitle.replaceWith(second);
  englishTitle.replaceWith(main);
  both.insertBefore(english, french);
  document.documentElement.lang = "en";
  var other = document.querySelector(".rvase-language__link");
  if (other) {
    other.href = both.getAttribute("data-french-home");
    other.hreflang = other.lang = "fr";
    other.textContent = both.getAttribute("data-french-name");
  }
})();
