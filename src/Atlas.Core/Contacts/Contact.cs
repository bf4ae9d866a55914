namespace Atlas.Core.Contacts;

/// <summary>A person to contact, belonging to an authority, an organisation, a post, a partnership or a project. Emails are personal data.</summary>
public sealed class Contact : DeletableRow
{
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public ContactRole Role { get; set; } = ContactRole.Other;
    public int? LocalAuthorityId { get; set; }
    public LocalAuthority? LocalAuthority { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int? DiplomaticPostId { get; set; }
    public DiplomaticPost? DiplomaticPost { get; set; }
    public int? PartnershipId { get; set; }
    public Partnership? Partnership { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public int SortOrder { get; set; }

    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
