// Progressive enhancement of the record pickers (Pages/Shared/_RecordPicker.cshtml): the search asks the public API and shows
// its answers in place instead of posting the form. Without this file the "Chercher" button posts the form and the page
// shows the same choices. Loaded once per picker: the guard keeps a single set of listeners.
(function () {
  if (window.atlasRecordPickers) return;
  window.atlasRecordPickers = true;

  var limit = 10;
  var counter = 0;

  // Named as the page names them (RecordPicker.cs): an authority with its country, an organisation with its city.
  function label(picker, item) {
    if (picker.getAttribute("data-list") === "authorities") return item.name + " (" + item.country.name + ")";
    return item.city ? item.name + " (" + item.city + ")" : item.name;
  }

  function choice(picker, id, text, checked) {
    var row = document.createElement("div");
    row.className = "choice";
    var input = document.createElement("input");
    input.type = picker.getAttribute("data-multiple") === "true" ? "checkbox" : "radio";
    input.name = picker.getAttribute("data-field");
    input.value = String(id);
    input.id = picker.id + "-js" + (counter++);
    input.checked = checked;
    var text_ = document.createElement("label");
    text_.htmlFor = input.id;
    text_.textContent = text;
    row.appendChild(input);
    row.appendChild(text_);
    return row;
  }

  function chosenIds(picker) {
    var ids = {};
    Array.prototype.forEach.call(picker.querySelectorAll("[data-picker-chosen] input"), function (input) { ids[input.value] = true; });
    return ids;
  }

  function message(results, text) {
    var p = document.createElement("p");
    p.textContent = text;
    results.appendChild(p);
  }

  function search(picker) {
    var query = picker.querySelector("[data-picker-query]");
    var results = picker.querySelector("[data-picker-results]");
    var text = query.value.trim();
    if (text === "") return false;
    var url = picker.getAttribute("data-api") + "?q=" + encodeURIComponent(text) + "&sort=name&limit=" + limit;
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (page) {
        results.textContent = "";
        var chosen = chosenIds(picker);
        var items = page.items.filter(function (item) { return !chosen[String(item.id)]; });
        if (items.length === 0) {
          message(results, picker.getAttribute("data-none") + " (« " + text + " »)");
          return;
        }
        message(results, "Résultats pour « " + text + " » : cochez " +
          (picker.getAttribute("data-multiple") === "true" ? "ceux à ajouter" : "celui à retenir") + ", puis enregistrez.");
        items.forEach(function (item) { results.appendChild(choice(picker, item.id, label(picker, item), false)); });
        query.value = "";
      })
      .catch(function () {
        results.textContent = "";
        message(results, "La recherche n'a pas abouti : réessayez, ou enregistrez le formulaire pour chercher sans JavaScript.");
      });
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-picker-button]") : null;
    if (!button) return;
    var picker = button.closest("[data-record-picker]");
    if (picker && search(picker)) event.preventDefault();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.target instanceof Element) || !event.target.matches("[data-picker-query]")) return;
    var picker = event.target.closest("[data-record-picker]");
    if (picker && search(picker)) event.preventDefault();
  });

  // A record ticked among the results joins the chosen ones, so that a new search does not drop it.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.checked) return;
    var results = input.closest("[data-picker-results]");
    if (!results) return;
    var picker = results.closest("[data-record-picker]");
    var chosen = picker.querySelector("[data-picker-chosen]");
    if (input.type === "radio") chosen.textContent = "";
    chosen.appendChild(input.closest(".choice"));
  });
})();
