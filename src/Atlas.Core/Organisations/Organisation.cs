namespace Atlas.Core.Organisations;

/// <summary>A participant that is not a local authority: association, NGO, university, agency, ministry, programme…</summary>
public sealed class Organisation : AtlasRecord
{
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? CountryCode { get; set; }
    public Country? Country { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }
}
