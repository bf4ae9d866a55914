namespace Atlas.Core.Contacts;

/// <summary>The contact lines of any record: each line by <see cref="ContactValidator"/>, no contact listed twice, not too many.</summary>
public sealed class ContactLinesValidator : AbstractValidator<IHasContactLines>
{
    public const int MaxContacts = 50;

    public ContactLinesValidator()
    {
        RuleFor(o => o.Contacts).Cascade(CascadeMode.Stop)
            .Must(c => c is null || c.Count <= MaxContacts).WithErrorCode("too_many_contacts")
            .WithMessage($"Un enregistrement a au plus {MaxContacts} contacts.")
            .Must(c => c is null || c.Where(l => l.Id is not null).GroupBy(l => l.Id).All(g => g.Count() == 1)).WithErrorCode("duplicate_contact")
            .WithMessage("Un même contact figure deux fois.");
        RuleForEach(o => o.Contacts).SetValidator(new ContactValidator());
    }
}
