using Atlas.Core.Countries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Atlas.Web.Pages.Pays;

/// <summary>/pays/{code}: a partner country, its embassy contacts, its partnerships and their French partners by region.</summary>
public sealed class DetailModel(CountryProfileQuery profiles) : PageModel
{
    public CountryProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length != 2) return NotFound();
        var profile = await profiles.GetAsync(code, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        return Page();
    }
}
