namespace Atlas.Core.Data;

/// <summary>
/// The one rule for text that comes from outside: it must be storable in PostgreSQL as it is. Checked at the boundary
/// (query strings, forms, JSON bodies), so that no such value ever reaches a query or a save.
/// </summary>
public static class StorableText
{
    /// <summary>The first fault of <paramref name="text"/>, or null when PostgreSQL can store it.</summary>
    public static TextFault? Check(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return TextFault.NulCharacter;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return TextFault.LoneSurrogate;
        }
        return null;
    }

    /// <summary>What an API client reads about the fault.</summary>
    public static string English(TextFault fault) => fault switch
    {
        TextFault.NulCharacter => "Contains a NUL character (U+0000), which text cannot hold.",
        TextFault.LoneSurrogate => "Contains an unpaired UTF-16 surrogate, which is not text.",
        _ => "Is not valid UTF-8.",
    };

    /// <summary>What a person reads beside the field.</summary>
    public static string French(TextFault fault) => fault switch
    {
        TextFault.NulCharacter => "Ce champ contient un caractère nul (U+0000), qui ne peut pas être enregistré : retirez-le.",
        _ => "Ce champ contient un caractère invalide : saisissez le texte à nouveau.",
    };
}
