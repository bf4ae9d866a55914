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
