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

// Edit forms marked data-draft keep what was typed, in this tab's sessionStorage, each time they are sent. When the session
// has ended during a long edit, the post is refused before the server reads it and leads to the sign-in page, which comes
// back to the form with ?reprise=1 (Hosting/AccountsSetup.cs): the form then gets back every value typed, its version
// included (so that a save made by someone else meanwhile is shown as a conflict, not overwritten), and says so.
(function () {
  var form = document.querySelector("form[data-draft]");
  if (!form || !window.sessionStorage) return;
  var key = "atlas-draft:" + location.pathname;
  function fields() {
    return Array.prototype.filter.call(form.elements, function (f) {
      return f.name && f.name !== "__RequestVerificationToken" && f.type !== "submit" && f.type !== "button";
    });
  }
  form.addEventListener("submit", function () {
    var values = fields().map(function (f) {
      return [f.name, f.type === "checkbox" || f.type === "radio" ? (f.checked ? f.value : null) : f.value];
    });
    try { sessionStorage.setItem(key, JSON.stringify(values)); } catch (e) { /* storage full or refused: nothing kept */ }
  });

  var params = new URLSearchParams(location.search);
  if (params.get("reprise") !== "1") return;
  // The form posts to its own address: without the marker, a form shown again after an error does not restore twice.
  params.delete("reprise");
  history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params.toString() : "") + location.hash);
  var values;
  try { values = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { values = null; }
  if (!Array.isArray(values)) return;
  // The n-th value kept under a name goes back to the n-th field of that name.
  var byName = {};
  fields().forEach(function (f) { (byName[f.name] = byName[f.name] || []).push(f); });
  var used = {};
  values.forEach(function (pair) {
    var name = pair[0], value = pair[1], i = used[name] || 0;
    used[name] = i + 1;
    var field = byName[name] && byName[name][i];
    if (!field) return;
    if (field.type === "checkbox" || field.type === "radio") field.checked = value !== null;
    else if (value !== null) field.value = value;
  });
  var notice = document.querySelector("[data-draft-notice]");
  if (notice) notice.hidden = false;
})();
