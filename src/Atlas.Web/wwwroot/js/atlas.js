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

// Maps: the figure of the place under the pointer or the keyboard focus, in a tooltip beside it. The places' links already
// carry the figure in their accessible name, so the tooltip is for the eyes only (aria-hidden); Escape hides it (WCAG 1.4.13).
(function () {
  var gap = 12;
  function areaOf(target) { return target instanceof Element ? target.closest("[data-map] [data-map-figure]") : null; }
  function clear(except) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-map-tooltip]:not([hidden])"), function (tip) {
      if (tip !== except) tip.hidden = true;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".map-area--active"), function (a) { a.classList.remove("map-area--active"); });
  }
  // x, y: the point to stand beside, in the frame's pixels. Above and to the right of it, kept inside the frame.
  function show(area, x, y) {
    var frame = area.closest(".map-frame");
    var tip = frame && frame.querySelector("[data-map-tooltip]");
    if (!tip) return;
    clear(tip);
    area.classList.add("map-area--active");
    tip.textContent = area.getAttribute("data-map-figure");
    tip.hidden = false;
    var width = frame.clientWidth, w = tip.offsetWidth, h = tip.offsetHeight;
    var left = x + gap + w <= width ? x + gap : Math.max(0, x - gap - w);
    var top = y - gap - h >= 0 ? y - gap - h : y + gap;
    tip.style.left = Math.min(left, Math.max(0, width - w)) + "px";
    tip.style.top = top + "px";
  }
  document.addEventListener("pointermove", function (event) {
    var area = areaOf(event.target);
    if (!area) { if (document.querySelector("[data-map-tooltip]:not([hidden])") && !areaOf(document.activeElement)) clear(null); return; }
    var box = area.closest(".map-frame").getBoundingClientRect();
    show(area, event.clientX - box.left, event.clientY - box.top);
  });
  document.addEventListener("focusin", function (event) {
    var area = areaOf(event.target);
    if (!area) return;
    var frame = area.closest(".map-frame").getBoundingClientRect();
    var place = area.getBoundingClientRect();
    show(area, place.left + place.width / 2 - frame.left, place.top + place.height / 2 - frame.top);
  });
  document.addEventListener("focusout", function (event) { if (areaOf(event.target)) clear(null); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") clear(null); });
  // The SVG titles are the tooltip without JavaScript; with it they would show a second, late one.
  Array.prototype.forEach.call(document.querySelectorAll("[data-map] .map-area > title"), function (title) { title.remove(); });
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
