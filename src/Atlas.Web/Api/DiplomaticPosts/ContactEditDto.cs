namespace Atlas.Web.Api.DiplomaticPosts;

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
