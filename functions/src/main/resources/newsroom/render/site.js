// Newsroom reader script: optional. Pages are complete without it; it only keeps the
// header date current and refreshes the "latest news" block from the short-cached latest.json,
// so publishing a story never has to re-render every article page.
(function () {
  "use strict";
  // Today's date in the page's language. The words come with the page, so a browser without
  // locale data for the language (Kazakh, often) still writes it right; Intl only tells the day.
  var today = document.querySelector("[data-today]");
  var pattern = today && today.getAttribute("data-today");
  if (pattern && window.Intl && Intl.DateTimeFormat.prototype.formatToParts) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-US", {
        timeZone: today.getAttribute("data-zone") || undefined,
        weekday: "short", day: "numeric", month: "numeric", year: "numeric"
      }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
      var weekdays = (today.getAttribute("data-weekdays") || "").split(",");
      var months = (today.getAttribute("data-months") || "").split(",");
      var weekday = weekdays[["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday)];
      var month = months[Number(parts.month) - 1];
      if (weekday && month) {
        today.textContent = pattern
          .replace("{w}", weekday).replace("{d}", parts.day)
          .replace("{m}", month).replace("{y}", parts.year);
        // shown only once written: without the script the header has no empty slot
        today.hidden = false;
      }
    } catch (e) { /* an unknown time zone leaves the header without a date */ }
  }
  // CloudFront answers a missing path of any language with the one /404.html (a distribution
  // names one page per error code), in every language; the language of the path asked for comes first.
  var missing = document.querySelector("[data-not-found]");
  var asked = missing && /^\/([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\//.exec(location.pathname);
  if (asked) {
    var part = missing.querySelector('.in-language[lang="' + asked[1] + '"]');
    var first = missing.querySelector(".in-language");
    var heading = missing.querySelector("h1");
    if (part && first && part !== first) {
      first.parentNode.insertBefore(part, first);
      var title = part.querySelector("h2");
      if (heading && title) {
        heading.textContent = title.textContent;
        heading.setAttribute("lang", asked[1]);
      }
    }
  }
  var block = document.querySelector("[data-latest]");
  if (!block || !window.fetch) return;
  fetch(block.getAttribute("data-latest"), { credentials: "omit" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data || !Array.isArray(data.items)) return;
      var list = block.querySelector("ul");
      if (!list) return;
      var fresh = document.createElement("ul");
      data.items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = String(item.url || "");
        // only site-relative links are followed
        if (a.getAttribute("href").charAt(0) !== "/") return;
        a.textContent = String(item.title || "");
        var time = document.createElement("time");
        time.dateTime = String(item.isoDateTime || "");
        time.textContent = String(item.dateTime || "");
        var p = document.createElement("p");
        p.textContent = String(item.excerpt || "");
        li.appendChild(a); li.appendChild(document.createTextNode(" "));
        li.appendChild(time); li.appendChild(p);
        fresh.appendChild(li);
      });
      list.replaceWith(fresh);
    })
    .catch(function () { /* the rendered block stays */ });
})();

// The version for the visually impaired: three font sizes and a high-contrast scheme, kept in
// localStorage (prefs.js applies them before the first paint of every page).
(function () {
  "use strict";
  var panel = document.querySelector("[data-prefs]");
  if (!panel) return;
  var root = document.documentElement;
  function remember(key, value) {
    try {
      if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
    } catch (e) { /* storage refused: the choice lasts for this page only */ }
  }
  function show() {
    var font = root.getAttribute("data-font") || "0";
    Array.prototype.forEach.call(panel.querySelectorAll("[data-font-size]"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-font-size") === font));
    });
    var contrast = panel.querySelector("[data-contrast]");
    contrast.setAttribute("aria-pressed", String(root.getAttribute("data-scheme") === "contrast"));
  }
  panel.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-font-size")) {
      var size = button.getAttribute("data-font-size");
      if (size === "0") root.removeAttribute("data-font"); else root.setAttribute("data-font", size);
      remember("newsroom.font", size === "0" ? null : size);
    } else if (button.hasAttribute("data-contrast")) {
      var on = root.getAttribute("data-scheme") !== "contrast";
      if (on) root.setAttribute("data-scheme", "contrast"); else root.removeAttribute("data-scheme");
      remember("newsroom.scheme", on ? "contrast" : null);
    }
    show();
  });
  show();
  panel.hidden = false;
})();
