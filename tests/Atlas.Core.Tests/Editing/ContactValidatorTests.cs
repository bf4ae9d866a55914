using Atlas.Core.Contacts;
using Atlas.Core.Editing;

namespace Atlas.Core.Tests.Editing;

public sealed class ContactValidatorTests
{
    private static readonly ContactValidator Validator = new();
    private static readonly ContactLinesValidator Lines = new();

    private static ContactValues Valid() => new()
    {
        LastName = "BOUIN", FirstName = "Frédérick", Function = "Correspondant coopération décentralisée",
        Email = "frederick.coopdec@gmail.com", Phone = "+212 (0)5 37-68.97/00", Role = "correspondent",
    };

    private static (string Field, string Code, string Message) SingleError(ContactValues values)
    {
        var error = Assert.Single(Validator.Validate(values).Errors);
        return (error.PropertyName, error.ErrorCode, error.ErrorMessage);
    }

    [Fact]
    public void A_contact_with_a_name_or_a_function_alone_is_valid()
    {
        Assert.True(Validator.Validate(Valid()).IsValid);
        Assert.True(Validator.Validate(new ContactValues { Function = "Service des relations internationales" }).IsValid);
        Assert.True(Validator.Validate(new ContactValues { FirstName = "Nadia", Role = "COCAC" }).IsValid);
    }

    [Fact]
    public void A_contact_needs_a_name_or_a_function()
    {
        Assert.Equal(("LastName", "contact_name_required", "Indiquez au moins le nom, le prénom ou la fonction du contact."),
            SingleError(new ContactValues { LastName = " ", Email = "quelqu.un@exemple.fr" }));
    }

    [Theory]
    [InlineData("prenom.nom")]
    [InlineData("prenom.nom@exemple")]
    [InlineData("prenom nom@exemple.fr")]
    [InlineData("prenom.nom [at] exemple.fr")]
    [InlineData("a@b@exemple.fr")]
    public void An_email_must_be_a_whole_address(string email)
    {
        var values = Valid();
        values.Email = email;
        Assert.Equal(("Email", "invalid_email", "Indiquez une adresse électronique complète, par exemple prenom.nom@exemple.fr."), SingleError(values));
    }

    [Theory]
    [InlineData("appelez-moi")]
    [InlineData("01 23 45 67 89 poste 12")]
    [InlineData("12")]
    [InlineData("+33+1")]
    public void A_phone_holds_digits_spaces_and_separators_only(string phone)
    {
        var values = Valid();
        values.Phone = phone;
        Assert.Equal(("Phone", "invalid_phone"), (SingleError(values).Field, SingleError(values).Code));
    }

    [Fact]
    public void Lengths_and_role_are_checked_with_French_messages()
    {
        var values = Valid();
        values.LastName = new string('N', ContactValidator.MaxNameLength + 1);
        Assert.Equal(("LastName", "too_long", "Ce texte ne peut dépasser 200 caractères."), SingleError(values));
        values = Valid();
        values.Function = new string('F', ContactValidator.MaxFunctionLength + 1);
        Assert.Equal(("Function", "too_long"), (SingleError(values).Field, SingleError(values).Code));
        values = Valid();
        values.Role = "ambassadeur";
        Assert.Equal(("Role", "unknown_contact_role", "Ce rôle n'existe pas : choisissez correspondant, COCAC ou autre contact."), SingleError(values));
    }

    [Fact]
    public void Lines_are_named_by_their_index_a_contact_is_listed_once_and_every_code_has_an_English_text()
    {
        var owner = new Owner();
        owner.Contacts.AddRange([Valid(), new ContactValues { Email = "x" }, new ContactValues { Id = 7, LastName = "A" }, new ContactValues { Id = 7, LastName = "B" }]);
        var errors = Lines.Validate(owner).Errors;
        Assert.Contains(errors, e => e.PropertyName == "Contacts[1].LastName" && e.ErrorCode == "contact_name_required");
        Assert.Contains(errors, e => e.PropertyName == "Contacts[1].Email" && e.ErrorCode == "invalid_email");
        Assert.Contains(errors, e => e.PropertyName == "Contacts" && e.ErrorCode == "duplicate_contact");
        foreach (var code in new[] { "contact_name_required", "invalid_email", "invalid_phone", "unknown_contact_role", "unknown_contact", "duplicate_contact", "too_many_contacts" })
            Assert.NotEqual(code, EditingRules.English(code));
    }

    private sealed class Owner : IHasContactLines
    {
        public List<ContactValues> Contacts { get; } = [];
    }
}
