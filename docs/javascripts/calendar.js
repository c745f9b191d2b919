/* Upcoming or past, decided in the reader's browser at view time (the page was split at build time,
   which stays the answer without JavaScript). An event is upcoming until the end of its last day
   (data-end, the reader's own date); a recurring meeting always is, a decided-only one never.
   Calendar page: each event moves to its section, into its month group, in order.
   Home page: the next events list hides what has ended and shows the next few. */
(function () {
  "use strict";
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function upcoming(element, day) {
    if (element.getAttribute("data-decided") === "true") return false;
    return element.getAttribute("data-recurring") === "true" || element.getAttribute("data-end") >= day;
  }
  var day = today();

  var sections = {};
  Array.prototype.forEach.call(document.querySelectorAll(".rvase-calendar[data-section]"), function (section) {
    sections[section.getAttribute("data-section")] = section;
  });
  if (sections.upcoming && sections.past) {
    /* upcoming: earliest first; past: latest first (the build-time order) */
    var order = { upcoming: 1, past: -1 };
    var monthOf = function (group) { return group.getAttribute("data-month"); };
    var rank = function (key) { return key === "recurring" ? "0000" : key; };
    Array.prototype.slice.call(document.querySelectorAll(".rvase-calendar .rvase-event")).forEach(function (event) {
      var wanted = upcoming(event, day) ? "upcoming" : "past";
      var group = event.closest(".rvase-month");
      var current = group.closest(".rvase-calendar").getAttribute("data-section");
      if (current === wanted) return;
      var target = sections[wanted], key = monthOf(group);
      var home = target.querySelector('.rvase-month[data-month="' + key + '"]');
      if (!home) {
        home = group.cloneNode(false);
        home.appendChild(group.querySelector("h3").cloneNode(true));
        var before = Array.prototype.find.call(target.children, function (other) {
          return order[wanted] * (rank(monthOf(other)) > rank(key) ? 1 : -1) > 0;
        });
        target.insertBefore(home, before || null);
      }
      var start = event.getAttribute("data-start");
      var next = Array.prototype.find.call(home.querySelectorAll(".rvase-event"), function (other) {
        return order[wanted] * (other.getAttribute("data-start") > start ? 1 : -1) > 0;
      });
      home.insertBefore(event, next || null);
      if (!group.querySelector(".rvase-event")) group.remove();
    });
    Object.keys(sections).forEach(function (name) {
      var none = document.querySelector('[data-none-for="' + name + '"]');
      if (none) none.hidden = Boolean(sections[name].querySelector(".rvase-event"));
    });
  }

  var next = document.querySelector(".rvase-next-events");
  if (next) {
    var shown = 0, limit = Number(next.getAttribute("data-show"));
    Array.prototype.forEach.call(next.children, function (item) {
      var visible = upcoming(item, day) && shown < limit;
      item.hidden = !visible;
      if (visible) shown++;
    });
    var empty = document.querySelector('[data-none-for="next"]');
    if (empty) empty.hidden = shown > 0;
  }
})();
