// The reader's font size and colour scheme, applied before the page is painted: this small script
// is loaded without defer in <head> (an inline script would break the site's CSP). The controls
// themselves are wired by site.js; without JavaScript the page keeps its default, readable look.
(function () {
  "use strict";
  try {
    var root = document.documentElement;
    var font = localStorage.getItem("newsroom.font");
    if (font === "1" || font === "2") root.setAttribute("data-font", font);
    if (localStorage.getItem("newsroom.scheme") === "contrast") root.setAttribute("data-scheme", "contrast");
  } catch (e) { /* storage refused: the default look */ }
})();
