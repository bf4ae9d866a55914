// Progressive enhancement only: the pages work without it.
// Forms marked data-strip-empty leave their empty fields out of the URL, so that a search stays short and shareable.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-strip-empty")) return;
  Array.prototype.forEach.call(form.elements, function (field) {
    if (field.name && (field.tagName === "INPUT" || field.tagName === "SELECT") && field.value === "") {
      field.disabled = true;
    }
  });
});
// Re-enable the fields when the page is shown again from the back-forward cache.
window.addEventListener("pageshow", function () {
  Array.prototype.forEach.call(document.querySelectorAll("form[data-strip-empty] [disabled]"), function (field) {
    field.disabled = false;
  });
});

// Maps: the figure of the place under the pointer or the keyboard focus, in the map's live caption.
(function () {
  function show(event) {
    var area = event.target instanceof Element ? event.target.closest("[data-map-figure]") : null;
    var map = event.target instanceof Element ? event.target.closest("[data-map]") : null;
    var readout = map && map.querySelector("[data-map-readout]");
    if (!readout) return;
    readout.textContent = area ? area.getAttribute("data-map-figure") : "";
    Array.prototype.forEach.call(map.querySelectorAll(".map-area--active"), function (a) { a.classList.remove("map-area--active"); });
    if (area) area.classList.add("map-area--active");
  }
  document.addEventListener("mouseover", show);
  document.addEventListener("focusin", show);
})();

// Header disclosures (« Menu », « Mon compte »): they open and close without JavaScript; with it, one at a time, and Escape or a
// click elsewhere closes them.
(function () {
  function menus() { return document.querySelectorAll("details[data-menu]"); }
  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.hasAttribute("data-menu") || !opened.open) return;
    Array.prototype.forEach.call(menus(), function (menu) { if (menu !== opened) menu.open = false; });
  }, true);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    Array.prototype.forEach.call(menus(), function (menu) {
      if (!menu.open) return;
      menu.open = false;
      if (menu.contains(document.activeElement)) menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    Array.prototype.forEach.call(menus(), function (menu) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });
})();

// The search's filters: folded on phones, open beside the results from 62em (atlas.css shows them there without script,
// where the browser knows ::details-content; this opens them where it does not).
(function () {
  if (!window.matchMedia("(min-width: 62em)").matches) return;
  Array.prototype.forEach.call(document.querySelectorAll("details[data-filters]"), function (panel) { panel.open = true; });
})();
