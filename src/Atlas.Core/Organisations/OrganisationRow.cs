namespace Atlas.Core.Organisations;

/// <summary>The columns an organisation list reads and sorts on.</summary>
public sealed class OrganisationRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public OrganisationKind Kind { get; init; }
    public string? CountryCode { get; init; }
    public string? City { get; init; }
    public string? Website { get; init; }
    /// <summary>Projects it takes part in or funds.</summary>
    public int ProjectCount { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
