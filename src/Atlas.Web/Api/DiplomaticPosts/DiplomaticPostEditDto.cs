namespace Atlas.Web.Api.DiplomaticPosts;

/// <summary>
/// A diplomatic post's editable record: what PUT replaces as a whole and PATCH merges into (RFC 7396). Field names are those
/// the validation errors use.
/// </summary>
/// <param name="Name">Name of the post; required, at most 300 characters.</param>
/// <param name="City">City where it sits, at most 200 characters.</param>
/// <param name="Countries">ISO 3166-1 alpha-2 codes of the countries it covers, each followed by no other post; they define its correspondents' scope, so only an administrator may change them (null or the same list: unchanged).</param>
/// <param name="Contacts">Every contact the post keeps: a line with an id changes that contact, one without is added, a contact left out is removed; their order is kept (null or left out: unchanged).</param>
public sealed record DiplomaticPostEditDto(string? Name, string? City, IReadOnlyList<string>? Countries, IReadOnlyList<ContactEditDto>? Contacts)
{
    public static DiplomaticPostEditDto Of(DiplomaticPostValues v) => new(v.Name, v.City, v.Countries, v.Contacts?.Select(ContactEditDto.Of).ToList());

    public DiplomaticPostValues ToValues() => new()
    {
        Name = Name, City = City, Countries = Countries?.ToList(), Contacts = Contacts?.Select(c => c.ToValues()).ToList(),
    };
}
