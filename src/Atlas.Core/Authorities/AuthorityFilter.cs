namespace Atlas.Core.Authorities;

/// <summary>
/// What a client asks of the authority list: words in its names, its country (FR for French authorities), its French region
/// (its own, or its département's) or département, and its kind.
/// </summary>
public sealed record AuthorityFilter : PlaceFilter
{
    public AuthorityKind? Kind { get; init; }
}
