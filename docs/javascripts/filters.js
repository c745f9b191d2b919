/* Filters for lists of records: the project catalog and the calendar. Without JavaScript the form
   stays hidden and every record is listed. Markup: <form data-items="SELECTOR" [data-groups="SELECTOR"]>
   with <select name=…> inside an element whose data-attribute names the record attribute to match
   (space-separated ids), and an optional <input name="q"> for free text.
   The state lives in the address (?theme=…&country=…&q=…), so a filtered view can be shared;
   each option shows how many records it would show, given the other filters (written by the build for the
   unfiltered page, counted here after each change). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-items]");
  if (!form) return;
  var records = Array.prototype.slice.call(document.querySelectorAll(form.getAttribute("data-items")));
  var groupSelector = form.getAttribute("data-groups");  /* looked up at each change: calendar.js moves records between groups */
  var counter = document.querySelector(".rvase-catalog-count");
  var none = document.querySelector(".rvase-catalog-none");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var text = form.querySelector("input[name=q]");
  var attribute = {};
  selects.forEach(function (select) { attribute[select.name] = select.parentNode.getAttribute("data-attribute"); });

  function fold(value) {  /* case and accents do not matter: "Hué" matches "hue" */
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  if (text) records.forEach(function (record) { record.dataset.text = fold(record.textContent); });

  function state() {
    var current = {};
    selects.forEach(function (select) { if (select.value) current[select.name] = select.value; });
    if (text && text.value.trim()) current.q = text.value.trim();
    return current;
  }

  function matches(record, current) {
    for (var name in current) {
      if (name === "q") {
        var words = fold(current.q).split(/\s+/);
        for (var i = 0; i < words.length; i++) if (record.dataset.text.indexOf(words[i]) < 0) return false;
      } else if ((" " + (record.getAttribute(attribute[name]) || "") + " ").indexOf(" " + current[name] + " ") < 0) {
        return false;
      }
    }
    return true;
  }

  function apply(updateAddress) {
    var current = state(), shown = 0;
    records.forEach(function (record) {
      var visible = matches(record, current);
      record.classList.toggle("rvase-filtered-out", !visible);
      if (visible) shown++;
    });
    if (groupSelector) Array.prototype.forEach.call(document.querySelectorAll(groupSelector), function (group) {
      group.classList.toggle("rvase-filtered-out", !group.querySelector(form.getAttribute("data-items") + ":not(.rvase-filtered-out)"));
    });
    selects.forEach(function (select) {
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var trial = Object.assign({}, current);
        trial[select.name] = option.value;
        var count = records.filter(function (record) { return matches(record, trial); }).length;
        option.textContent = option.getAttribute("data-label") + " (" + count + ")";
      });
    });
    if (counter) counter.textContent = form.getAttribute(shown === 1 ? "data-count-one" : "data-count-many").replace("{count}", shown);
    if (none) none.hidden = shown > 0;
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
  if (text) text.value = params.get("q") || "";
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  /* Unfiltered, the page is already right: the build wrote every record and each option's count. */
  if (Object.keys(state()).length) apply(false);
})();
