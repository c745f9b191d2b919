/* Project catalog filters (projects page only). Without JavaScript every project stays listed.
   The filter state lives in the address (?theme=…&country=…&member=…&status=…&q=…), so a view can be shared.
   Each option shows how many projects it would show, given the other filters. */
(function () {
  "use strict";
  var form = document.querySelector("form.rvase-catalog-filters");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".rvase-project-card"));
  var counter = document.querySelector(".rvase-catalog-count");
  var none = document.querySelector(".rvase-catalog-none");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var text = form.querySelector("input[name=q]");
  var attribute = { theme: "data-themes", country: "data-country", member: "data-members", status: "data-status" };

  function fold(value) {  /* case and accents do not matter: "Hué" matches "hue" */
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  cards.forEach(function (card) { card.dataset.text = fold(card.textContent); });

  function state() {
    var current = {};
    selects.forEach(function (select) { if (select.value) current[select.name] = select.value; });
    if (text.value.trim()) current.q = text.value.trim();
    return current;
  }

  function matches(card, current, ignored) {
    for (var name in current) {
      if (name === ignored) continue;
      if (name === "q") {
        var words = fold(current.q).split(/\s+/);
        for (var i = 0; i < words.length; i++) if (card.dataset.text.indexOf(words[i]) < 0) return false;
      } else if ((" " + card.getAttribute(attribute[name]) + " ").indexOf(" " + current[name] + " ") < 0) {
        return false;
      }
    }
    return true;
  }

  function say(count) {
    var template = form.getAttribute(count === 1 ? "data-count-one" : "data-count-many");
    counter.textContent = template.replace("{count}", count);
  }

  function apply(updateAddress) {
    var current = state(), shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, current, null);
      card.hidden = !visible;
      if (visible) shown++;
    });
    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var trial = Object.assign({}, current);
        trial[select.name] = option.value;
        var count = cards.filter(function (card) { return matches(card, trial, null); }).length;
        option.textContent = option.getAttribute("data-label") + " (" + count + ")";
      });
    });
    say(shown);
    none.hidden = shown > 0;
    if (updateAddress) {
      var params = new URLSearchParams(current).toString();
      history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
  });
  text.value = params.get("q") || "";
  form.hidden = false;
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
})();
