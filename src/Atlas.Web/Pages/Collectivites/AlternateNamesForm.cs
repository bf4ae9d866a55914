namespace Atlas.Web.Pages.Collectivites;

/// <summary>
/// An authority's other names as its forms take them: one name a line in a text area, which needs no script to add or remove
/// a name. Blank lines are left out; what a line holds is otherwise sent as typed, so that Core's rules judge it.
/// </summary>
public static class AlternateNamesForm
{
    public const string Label = "Autres noms";
    public const string Hint = "Un nom par ligne : autres graphies, ancien ou nouveau nom (par exemple « El Jedida » pour « El Jadida »). La recherche les trouve aussi.";

    public static string Text(IEnumerable<string?>? names) => string.Join('\n', names ?? []);

    public static List<string?> Names(string? text) => text is null
        ? []
        : [.. text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => !string.IsNullOrWhiteSpace(line))];

    /// <summary>Whether a key of Core's errors names the other names (the list, or one of them: "AlternateNames[2]"), under <paramref name="prefix"/>.</summary>
    public static bool IsErrorOf(string coreKey, string prefix = "") =>
        FieldPath.Of(coreKey).Name == prefix + nameof(AuthorityValues.AlternateNames);
}
