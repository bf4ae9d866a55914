using Atlas.Web.Map;

namespace Atlas.Web.Pages.Collectivites;

/// <summary>/collectivites/{id}: a French or foreign local authority, its partnerships and projects.</summary>
public sealed class CollectivitesDetailModel(AuthorityProfileQuery profiles, EditorAccessor editors, EditingScope scope, ReferenceCatalog catalog)
    : RecordPageModel(editors)
{
    /// <summary>Where the authority's partners are: abroad for a French authority, in France for a foreign one; null without partner.</summary>
    public Choropleth? PartnersMap { get; private set; }

    public AuthorityProfile Profile { get; private set; } = null!;
    /// <summary>The authority's partnerships, each naming its partners and their country, not the authority again.</summary>
    public IReadOnlyList<PartnershipCard> Cards { get; private set; } = [];
    /// <summary>The partner country of every partnership, when they all have the same one (null otherwise).</summary>
    public string? CommonCountry { get; private set; }
    /// <summary>The editor of this authority declares a new partnership as a draft for review (an authority editor).</summary>
    public bool DeclaresDrafts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(id, ct);
        if (profile is null) return NotFound();
        Profile = profile;
        var partners = profile.Partnerships.SelectMany(p => p.Authorities).Where(a => a.Id != id).ToList();
        var reference = await catalog.GetAsync(ct);
        // Titles that read well whatever the authority's name ("Commune urbaine de Marrakech"): the name is the page's title.
        PartnersMap = profile.Authority.IsFrench
            ? PartnerMaps.WorldByCountry("partenaires", "Pays des collectivités partenaires", partners, reference,
                country => $"/pays/{country}")
            : PartnerMaps.FranceByRegion("partenaires", "Régions des collectivités françaises partenaires", partners, reference,
                region => $"/projets?collectivite={id}&region={region}");
        var self = profile.Authority;
        Cards = profile.Partnerships.Select(p =>
        {
            var others = p.Authorities.Where(a => a.Id != id).ToList();
            var across = others.Where(a => a.IsFrench != self.IsFrench).ToList();
            return new PartnershipCard(p, across, others.Where(a => a.IsFrench == self.IsFrench).ToList(),
                across.Where(a => !a.IsFrench).Select(a => reference.CountryName(a.CountryCode)).Distinct().ToList());
        }).ToList();
        // The same partner country on every card would be a line repeated on each: it is said once above them instead.
        if (Cards.Count > 1 && Cards.All(c => c.PartnerCountries.Count == 1) && Cards.Select(c => c.PartnerCountries[0]).Distinct().Count() == 1)
        {
            CommonCountry = Cards[0].PartnerCountries[0];
            Cards = Cards.Select(c => c with { PartnerCountries = [] }).ToList();
        }
        DeclaresDrafts = Drafts.DeclaresDrafts(await EditorInScopeAsync(editor => scope.MayEditAuthorityAsync(editor, id, ct)));
        return Page();
    }


    /// <summary>The website as a link target, only when it is an absolute http(s) address.</summary>
    public Uri? Website =>
        Uri.TryCreate(Profile.Authority.Website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri : null;
}
