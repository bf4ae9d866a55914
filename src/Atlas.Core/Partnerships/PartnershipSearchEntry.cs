namespace Atlas.Core.Partnerships;

/// <summary>
/// A partnership's filter columns in one narrow row (migration 0025), what /partenariats reads for the sample of a filtered
/// list: the name filter's text, its authorities' countries, regions and départements, its themes, status and year.
/// Derived from the records by atlas_refresh_partnership_search (<see cref="PartnershipSearchUpkeep"/>), never edited.
/// A deleted partnership has none.
/// </summary>
public sealed class PartnershipSearchEntry
{
    public int PartnershipId { get; set; }
    /// <summary>The partnership's title, in French order: the sample's titles bound the page of a common name.</summary>
    public string Title { get; set; } = "";
    public PartnershipStatus Status { get; set; }
    public int? SignedYear { get; set; }
    /// <summary>Its foreign authorities' countries (France is never a partner country).</summary>
    public string[] CountryCodes { get; set; } = [];
    /// <summary>The regions of its authorities, their own or their département's: what the region filter asks.</summary>
    public string[] RegionCodes { get; set; } = [];
    /// <summary>The region of each French authority, its own or else its département's: what the region select counts.</summary>
    public string[] FrenchRegionCodes { get; set; } = [];
    public string[] DepartmentCodes { get; set; } = [];
    public int[] AuthorityIds { get; set; } = [];
    /// <summary>Its own themes.</summary>
    public int[] ThemeIds { get; set; } = [];
    /// <summary>The unaccented title and names of its authorities, other names included.</summary>
    public string SearchText { get; set; } = "";
}
