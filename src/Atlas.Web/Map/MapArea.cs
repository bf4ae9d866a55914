namespace Atlas.Web.Map;

/// <summary>
/// One coloured place: what it is called, its figure, where a click leads (null: not a link). A place with no value is
/// drawn only when it is <paramref name="Marked"/> (a partner country without matching project), in its own colour.
/// </summary>
public sealed record MapArea(string Code, string Name, int Value, string Figure, string? Href, bool Marked = false);
