namespace Atlas.Core.DiplomaticPosts;

/// <summary>A row of diplomatic-post-countries.csv: one country one post follows.</summary>
public sealed class DiplomaticPostCountryExportRow
{
    public int DiplomaticPostId { get; init; }
    public string CountryCode { get; init; } = "";
    public string CountryName { get; init; } = "";
}
