namespace Atlas.Core.DiplomaticPosts;

/// <summary>A diplomatic post's fields, countries and contacts as an editor submits them: kept as typed, checked by <see cref="DiplomaticPostValidator"/>.</summary>
public sealed class DiplomaticPostValues : IHasContactLines
{
    public string? Name { get; set; }
    public string? City { get; set; }
    /// <summary>
    /// The ISO 3166-1 alpha-2 codes of the countries the post covers; null leaves them as they are. Only an administrator may
    /// change them: they define the scope of the post's correspondents.
    /// </summary>
    public List<string>? Countries { get; set; }
    /// <summary>Every contact the post keeps.</summary>
    public List<ContactValues>? Contacts { get; set; } = [];

    /// <summary>The values of a post as it stands (its countries and contacts loaded), to fill a form.</summary>
    public static DiplomaticPostValues Of(DiplomaticPost post) => new()
    {
        Name = post.Name,
        City = post.City,
        Countries = post.Countries.Select(c => c.CountryCode).Order(StringComparer.Ordinal).ToList(),
        Contacts = ContactValues.Of(post.Contacts),
    };

    /// <summary>The country codes as given, without spaces, in capitals, blanks left out.</summary>
    public static List<string> CountryCodes(IEnumerable<string?> codes) =>
        codes.Select(EditingRules.Trimmed).OfType<string>().Select(c => c.ToUpperInvariant()).ToList();
}
