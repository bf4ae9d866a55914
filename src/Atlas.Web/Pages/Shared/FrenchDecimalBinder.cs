namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Reads an amount typed in a form the French way or the international way: "15 000,50", "15000,50" and "15000.50" are one
/// amount (spaces, including the non-breaking ones French typography puts between thousands, are ignored; a comma or a point
/// marks the decimals). Anything else is refused beside the field with an example. Forms only: the API reads JSON numbers.
/// </summary>
public sealed class FrenchDecimalBinder : FrenchFieldBinder<decimal>
{
    public const string Message = "Saisissez un montant en chiffres, par exemple 15 000,50.";

    protected override string Refusal => Message;

    protected override bool Read(string text, out decimal value) => TryParse(text, out value);

    public static bool TryParse(string text, out decimal amount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F')).Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
