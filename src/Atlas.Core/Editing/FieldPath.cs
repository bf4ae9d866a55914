namespace Atlas.Core.Editing;

/// <summary>
/// A key of <see cref="EditResult.Invalid.Errors"/> read as the values it names: a field ("Title": <see cref="Name"/> only), a
/// line's field ("Fundings[1].Amount": the list, the line's index in the values submitted, its field), a line itself
/// ("AuthorityIds[1]"), or a whole list ("Contacts"). Core writes the keys, so Core reads them: a form maps a line's index back
/// to the row it came from without parsing any text of its own.
/// </summary>
public readonly record struct FieldPath(string Name, int? Index, string? Member)
{
    public static FieldPath Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : key.IndexOf(']', open);
        if (close < 0 || !int.TryParse(key.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return new FieldPath(key, null, null);
        var member = close + 2 < key.Length && key[close + 1] == '.' ? key[(close + 2)..] : null;
        return new FieldPath(key[..open], index, member);
    }
}
