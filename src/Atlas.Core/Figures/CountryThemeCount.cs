using System.Text.Json.Serialization;

namespace Atlas.Core.Figures;

/// <summary>How many partnerships with an authority of <paramref name="Country"/> carry the theme <paramref name="ThemeId"/> as one of their own (each partnership once per country and theme).</summary>
/// <remarks>Short names in the stored JSON, as <see cref="CountryPartnerPlace"/>'s (5,000 rows at scale 100).</remarks>
public sealed record CountryThemeCount(
    [property: JsonPropertyName("c")] string Country, [property: JsonPropertyName("t")] int ThemeId, [property: JsonPropertyName("n")] int Count);
