using System.Globalization;
using Atlas.Core.Countries;
using Atlas.Core.Reference;
using Atlas.Web.Map;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Pays;

/// <summary>
/// /pays/{code}: a partner country, its embassy contacts, its figures, its partnerships a page at a time (?page=2) and its
/// French partners by region (the first of each, the rest through the project search).
/// </summary>
public sealed class PaysDetailModel(CountryProfileQuery profiles, ReferenceCatalog catalog) : PageModel
{
    public const int PageSize = 50;
    public const int PartnersPerRegion = 10;

    public CountryProfile Profile { get; private set; } = null!;

    /// <summary>The page of partnerships shown, from 1.</summary>
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;

    /// <summary>Set when the page asked for is past the last one: the page says so (404) instead of an empty list.</summary>
    public string? PageError { get; private set; }

    /// <summary>Where in France the country's partners are, by region; null without French partner.</summary>
    public Choropleth? PartnersMap { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != 2) return NotFound();
        var raw = Request.Query["page"].ToString();
        var number = 1;
        if (raw.Length > 0 && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)) return NotFound();
        PageNumber = number;

        var page = new CountryProfilePage(PageNumber, PageSize, PartnersPerRegion);
        var profile = await profiles.GetAsync(code, page, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        PageCount = page.PageCount(profile.PartnershipCount);
        var country = profile.Country;
        if (PageNumber > PageCount)
        {
            PageError = $"Il n'y a pas de page {PageNumber} : les {Format.Count(profile.PartnershipCount, "partenariat", "partenariats")} de ce pays tiennent en {Format.Count(PageCount, "page", "pages")}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        PartnersMap = PartnerMaps.FranceByRegion("partenaires", $"Régions des collectivités françaises partenaires ({country.Name})",
            profile.FrenchPartnersPerMapRegion, await catalog.GetAsync(ct),
            region => $"/projets?pays={country.Code}&region={region}");
        return Page();
    }

    public string PageUrl(int number) => number == 1 ? $"/pays/{Profile.Country.Code}" : $"/pays/{Profile.Country.Code}?page={number}";
}
