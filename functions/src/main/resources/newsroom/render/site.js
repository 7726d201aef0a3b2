// Newsroom reader script: optional. Pages are complete without it; it only keeps the
// header date current and refreshes the "latest news" block from the short-cached latest.json,
// so publishing a story never has to re-render every article page.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  var today = document.querySelector("[data-today]");
  if (today && window.Intl) {
    try {
      var text = new Intl.DateTimeFormat(lang, {
        weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Almaty"
      }).format(new Date());
      today.textContent = text;
    } catch (e) { /* an unknown locale keeps the rendered text */ }
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
