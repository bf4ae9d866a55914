namespace Atlas.Core.Partnerships;

/// <summary>A partnership's fields, authorities and themes as an editor submits them: kept as typed, checked by <see cref="PartnershipValidator"/>.</summary>
public sealed class PartnershipValues : IHasContactLines
{
    public string? Title { get; set; }
    public string? LegalFrame { get; set; }
    /// <summary>The day the agreement was signed, when known; within <see cref="SignedYear"/>.</summary>
    public DateOnly? SignedOn { get; set; }
    /// <summary>The year the agreement was signed; taken from <see cref="SignedOn"/> when left out.</summary>
    public int? SignedYear { get; set; }
    /// <summary>The status's code: active, ended, planned, suspended or unknown.</summary>
    public string? Status { get; set; }
    public string? History { get; set; }
    /// <summary>The fields of action as the source lists them.</summary>
    public string? Domains { get; set; }
    /// <summary>The themes, by id, chosen from the tree.</summary>
    public List<int> ThemeIds { get; set; } = [];
    /// <summary>The local authorities taking part, by id: at least one French and one foreign.</summary>
    public List<int> AuthorityIds { get; set; } = [];
    /// <summary>The partnership's contacts, as a project's funding lines; null leaves them as they are.</summary>
    public List<ContactValues>? Contacts { get; set; }

    /// <summary>The values of a partnership as it stands (with its authorities and themes loaded), to fill a form.</summary>
    public static PartnershipValues Of(Partnership partnership) => new()
    {
        Title = partnership.Title,
        LegalFrame = partnership.LegalFrame,
        SignedOn = partnership.SignedOn,
        SignedYear = partnership.SignedYear,
        Status = EnumCode<PartnershipStatus>.ToCode(partnership.Status),
        History = partnership.History,
        Domains = partnership.Domains,
        ThemeIds = partnership.Themes.Select(t => t.ThemeId).Order().ToList(),
        AuthorityIds = partnership.Authorities.Select(a => a.LocalAuthorityId).Order().ToList(),
        Contacts = ContactValues.Of(partnership.Contacts),
    };
}
