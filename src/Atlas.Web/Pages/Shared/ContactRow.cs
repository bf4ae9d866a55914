namespace Atlas.Web.Pages.Shared;

/// <summary>One row of a contact table as a form sends it ("Contacts[2].Email"): a contact's fields, and whether to remove it.</summary>
public sealed class ContactRow : ContactValues
{
    // A new row offers the role most contacts have.
    public ContactRow() => Role = EnumCode<ContactRole>.ToCode(ContactRole.Other);

    public bool Remove { get; set; }

    /// <summary>A new row left empty (its role aside): no line.</summary>
    public bool IsBlank => Id is null && new[] { LastName, FirstName, Function, Email, Phone }.All(string.IsNullOrWhiteSpace);

    public static ContactRow Of(ContactValues values) => new()
    {
        Id = values.Id, LastName = values.LastName, FirstName = values.FirstName, Function = values.Function,
        Email = values.Email, Phone = values.Phone, Role = values.Role,
    };

    public ContactValues ToValues() => new()
    {
        Id = Id, LastName = LastName, FirstName = FirstName, Function = Function, Email = Email, Phone = Phone, Role = Role,
    };
}
