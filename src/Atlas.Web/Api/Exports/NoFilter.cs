namespace Atlas.Web.Api.Exports;

/// <summary>The filter of a list that takes none: the theme tree.</summary>
internal sealed record NoFilter
{
    public static readonly NoFilter Instance = new();
}
