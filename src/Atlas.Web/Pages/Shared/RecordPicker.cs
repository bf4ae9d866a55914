namespace Atlas.Web.Pages.Shared;

/// <summary>
/// The model of <c>_RecordPicker</c>: a field whose value is the id of one existing record (radio buttons) or of several
/// (checkboxes), named <see cref="Field"/> as the page binds it, picked by typing part of a name. Without JavaScript the search
/// box is posted with the form: the page runs <see cref="FindAsync"/>, saves nothing and shows the form again with the records
/// found as unticked choices. With JavaScript (wwwroot/js/record-picker.js) the same search is asked of the public API and its
/// answers are shown in place, without a round trip.
/// </summary>
public sealed record RecordPicker(PickerList List, string Field, string Label, bool Multiple, IReadOnlyList<PickedRecord> Chosen,
    PickerSearch? Search = null, IReadOnlyList<string>? Errors = null, string? Hint = null)
{
    public const int MaxCandidates = 10;

    /// <summary>The name of the search box, read back by <see cref="TypedSearch"/>.</summary>
    public string SearchField => SearchPrefix + Field;
    public string Id => "f-" + Field.Replace('.', '-').Replace('[', '-').Replace(']', '-');
    public string ApiPath => List == PickerList.Authorities ? "/api/v1/authorities" : "/api/v1/organisations";
    public string SearchLabel => List == PickerList.Authorities ? "Nom de la collectivité à ajouter" : "Nom de l'organisme à ajouter";
    public string NoneFound => List == PickerList.Authorities ? "Aucune collectivité ne porte ce nom." : "Aucun organisme ne porte ce nom.";

    private const string SearchPrefix = "Recherche.";

    /// <summary>The text typed in a posted picker's search box; null when empty.</summary>
    public static string? TypedSearch(HttpRequest request, string field) =>
        request.HasFormContentType && request.Form[SearchPrefix + field].ToString() is { Length: > 0 } typed && !string.IsNullOrWhiteSpace(typed)
            ? typed.Trim() : null;

    /// <summary>The records whose name holds each word typed (accents ignored), by name, with the same Core lists as the API.</summary>
    public static async Task<PickerSearch> FindAsync(PickableRecords records, PickerList list, string text, CancellationToken ct)
    {
        if (text.Length > ReferenceRules.MaxQueryLength)
            return new PickerSearch(text, [], $"La recherche ne peut dépasser {ReferenceRules.MaxQueryLength} caractères.");
        return new PickerSearch(text, await records.FindAsync(list, text, MaxCandidates, ct));
    }
}
