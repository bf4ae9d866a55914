using Atlas.Core.Contacts;
using Atlas.Core.DiplomaticPosts;

namespace Atlas.Web.Api;

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

/// <summary>A contact line of an editable record. It needs at least a last name, a first name or a function.</summary>
/// <param name="Id">The contact changed; null or left out for a new contact.</param>
/// <param name="LastName">Last name, at most 200 characters.</param>
/// <param name="FirstName">First name, at most 200 characters.</param>
/// <param name="Function">Function or title, at most 300 characters.</param>
/// <param name="Email">E-mail address (name@example.org), at most 320 characters; published on the portal's pages only in a form crawlers cannot harvest.</param>
/// <param name="Phone">Phone number: digits, spaces and + ( ) . - / only, at least 4 digits, at most 50 characters.</param>
/// <param name="Role">correspondent, cocac or other (the default).</param>
public sealed record ContactEditDto(int? Id, string? LastName, string? FirstName, string? Function, string? Email, string? Phone, string? Role)
{
    public static ContactEditDto Of(ContactValues c) => new(c.Id, c.LastName, c.FirstName, c.Function, c.Email, c.Phone, c.Role);

    public ContactValues ToValues() => new()
    {
        Id = Id, LastName = LastName, FirstName = FirstName, Function = Function, Email = Email, Phone = Phone, Role = Role,
    };
}

/// <summary>A diplomatic post's editable record with its version, to send back in If-Match.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="Version">The version of the record, to send as If-Match ("1234") with a change.</param>
/// <param name="Record">The editable record.</param>
/// <param name="Url">The post's public page.</param>
/// <param name="ApiUrl">The post in this API.</param>
public sealed record EditableDiplomaticPostDto(int Id, uint Version, DiplomaticPostEditDto Record, string Url, string ApiUrl);
