using Atlas.Core.Countries;
using Atlas.Core.Data;

namespace Atlas.Core.Organisations;

/// <summary>A participant that is not a local authority: association, NGO, university, agency, ministry, programme…</summary>
public sealed class Organisation : ISoftDeletable
{
    public DateTimeOffset? DeletedAt { get; set; }
    public int Id { get; set; }
    public string? Key { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? CountryCode { get; set; }
    public Country? Country { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The row's version (PostgreSQL xmin) for optimistic concurrency: a save made from an older one is refused.</summary>
    public uint Version { get; set; }
}
