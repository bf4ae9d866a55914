using Atlas.Core.Countries;
using Atlas.Core.Reference;
using Atlas.Web.Map;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Pays;

/// <summary>/pays/{code}: a partner country, its embassy contacts, its partnerships and their French partners by region.</summary>
public sealed class DetailModel(CountryProfileQuery profiles, ReferenceCatalog catalog) : PageModel
{
    public CountryProfile Profile { get; private set; } = null!;

    /// <summary>Where in France the country's partners are, by region; null without French partner.</summary>
    public Choropleth? PartnersMap { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != 2) return NotFound();
        var profile = await profiles.GetAsync(code, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        var country = profile.Country;
        PartnersMap = PartnerMaps.FranceByRegion("partenaires", $"Régions des collectivités françaises partenaires ({country.Name})",
            profile.FrenchPartnersByRegion.SelectMany(r => r.Authorities), await catalog.GetAsync(ct),
            region => $"/projets?pays={country.Code}&region={region}");
        return Page();
    }
}
