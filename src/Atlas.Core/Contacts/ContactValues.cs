namespace Atlas.Core.Contacts;

/// <summary>
/// A contact line as submitted (a form row, an API item): kept as typed, checked by <see cref="ContactValidator"/>. Not sealed:
/// the pages' form row is these fields and a few of its own.
/// </summary>
public class ContactValues
{
    /// <summary>The contact changed; null for a new line.</summary>
    public int? Id { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Function { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The role's code: correspondent, cocac or other (the default when none is given).</summary>
    public string? Role { get; set; }

    public static ContactValues Of(Contact contact) => new()
    {
        Id = contact.Id,
        LastName = contact.LastName,
        FirstName = contact.FirstName,
        Function = contact.Function,
        Email = contact.Email,
        Phone = contact.Phone,
        Role = EnumCode<ContactRole>.ToCode(contact.Role),
    };

    /// <summary>An owner's contacts in their order, to fill a form.</summary>
    public static List<ContactValues> Of(IEnumerable<Contact> contacts) => contacts.OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(Of).ToList();
}
