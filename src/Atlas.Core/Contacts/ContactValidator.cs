namespace Atlas.Core.Contacts;

/// <summary>
/// Checks a contact line: someone to reach (a name or at least a function), an e-mail address and a phone number that can be
/// used, lengths that fit, a known role.
/// </summary>
public sealed partial class ContactValidator : AbstractValidator<ContactValues>
{
    public const int MaxNameLength = 200;
    public const int MaxFunctionLength = 300;
    public const int MaxEmailLength = 320;
    public const int MaxPhoneLength = 50;
    public const int MinPhoneDigits = 4;

    public ContactValidator()
    {
        RuleFor(c => c.LastName).Cascade(CascadeMode.Stop)
            .Must((c, _) => HasText(c.LastName) || HasText(c.FirstName) || HasText(c.Function)).WithErrorCode("contact_name_required")
            .WithMessage("Indiquez au moins le nom, le prénom ou la fonction du contact.")
            .Text(MaxNameLength);
        RuleFor(c => c.FirstName).Text(MaxNameLength);
        RuleFor(c => c.Function).Text(MaxFunctionLength);
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .Text(MaxEmailLength)
            // The same shape as the table's check: an address the database would refuse is told beside the field instead.
            .Must(e => !HasText(e) || Email().IsMatch(e.Trim())).WithErrorCode("invalid_email")
            .WithMessage("Indiquez une adresse électronique complète, par exemple prenom.nom@exemple.fr.");
        RuleFor(c => c.Phone).Cascade(CascadeMode.Stop)
            .Text(MaxPhoneLength)
            .Must(p => !HasText(p) || Phone().IsMatch(p.Trim()) && p.Count(char.IsAsciiDigit) >= MinPhoneDigits).WithErrorCode("invalid_phone")
            .WithMessage("Le téléphone ne contient que des chiffres, des espaces et les signes + ( ) . - /, par exemple +33 1 23 45 67 89.");
        RuleFor(c => c.Role)
            .Must(r => !HasText(r) || EnumCode<ContactRole>.TryParse(r.Trim(), out _)).WithErrorCode("unknown_contact_role")
            .WithMessage("Ce rôle n'existe pas : choisissez correspondant, COCAC ou autre contact.");
    }

    private static bool HasText([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial System.Text.RegularExpressions.Regex Email();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ().\-/]+$")]
    private static partial System.Text.RegularExpressions.Regex Phone();
}
