namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Reads a date typed in a form the one way the forms show it, « 31/12/2015 » (day and month may have one digit), or as
/// ISO 8601 « 2015-12-31 » (what a browser's date picker sends, and what older bookmarks of the forms hold). The forms used
/// to show a hint « AAAA-MM-JJ » over a picker drawn in the browser's own locale (mm/dd/yyyy in an English one): now every
/// date is one text field in the French order. Anything else is refused beside the field with an example. Forms only.
/// </summary>
public sealed class FrenchDateBinder : FrenchFieldBinder<DateOnly>
{
    public const string Message = "Saisissez une date sous la forme JJ/MM/AAAA, par exemple 31/12/2015.";
    /// <summary>How the forms show a date.</summary>
    public const string Shape = "dd/MM/yyyy";

    private static readonly string[] Shapes = ["d/M/yyyy", "yyyy-MM-dd"];

    protected override string Refusal => Message;

    protected override bool Read(string text, out DateOnly value) => TryParse(text, out value);

    public static bool TryParse(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim().Replace('.', '/').Replace(' ', '/'), Shapes, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A date as the forms show it: « 31/12/2015 ».</summary>
    public static string Show(DateOnly date) => date.ToString(Shape, CultureInfo.InvariantCulture);
}
