using Atlas.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Identity;

/// <summary>Every public page of the portal, one of each kind, as a visitor reaches it (the records taken from the demo data).</summary>
public static class PublicPages
{
    /// <summary>The legal pages every page's footer links to, with the data licence.</summary>
    public static readonly IReadOnlyList<string> LegalLinks = ["/mentions-legales", "/accessibilite", "/donnees-personnelles", "/contact", "/plan-du-site"];

    public const string LicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>(name, address, status) of each public page; the names are those of the browser tests' screenshots.</summary>
    public static async Task<IReadOnlyList<(string Name, string Path, HttpStatusCode Status)>> AllAsync(AtlasDbContext db, CancellationToken ct)
    {
        var project = await db.Projects.Where(p => p.Key == "aix-en-provence--oujda--pdu").Select(p => p.Id).SingleAsync(ct);
        var authority = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-oujda").Select(a => a.Id).SingleAsync(ct);
        var partnership = await db.Projects.Where(p => p.Id == project).Select(p => p.PartnershipId).SingleAsync(ct)
            ?? await db.Partnerships.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        // A project of no partnership, led by associations: its page shows its organisations and countries instead.
        var action = await db.Projects.Where(p => p.Key == "action--i-jumelage").Select(p => p.Id).SingleAsync(ct);
        var post = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-rabat").Select(p => p.Id).SingleAsync(ct);
        return
        [
            ("accueil", "/", HttpStatusCode.OK),
            ("projets", "/projets", HttpStatusCode.OK),
            ("projets-filtres", "/projets?pays=MA&theme=developpement-urbain&statut=ongoing", HttpStatusCode.OK),
            ("projet", $"/projets/{project}", HttpStatusCode.OK),
            ("projet-sans-partenariat", $"/projets/{action}", HttpStatusCode.OK),
            ("annuaire-collectivites", "/collectivites", HttpStatusCode.OK),
            ("annuaire-collectivites-filtre", "/collectivites?pays=MA&type=commune-urbaine", HttpStatusCode.OK),
            ("annuaire-pays", "/pays", HttpStatusCode.OK),
            ("annuaire-partenariats", "/partenariats", HttpStatusCode.OK),
            ("annuaire-partenariats-filtre", "/partenariats?pays=MA&statut=unknown", HttpStatusCode.OK),
            ("thematiques", "/thematiques", HttpStatusCode.OK),
            ("pays", "/pays/MA", HttpStatusCode.OK),
            ("collectivite", $"/collectivites/{authority}", HttpStatusCode.OK),
            ("partenariat", $"/partenariats/{partnership}", HttpStatusCode.OK),
            ("poste", $"/postes/{post}", HttpStatusCode.OK),
            ("carte", "/carte", HttpStatusCode.OK),
            ("statistiques", "/statistiques", HttpStatusCode.OK),
            ("donnees", "/donnees", HttpStatusCode.OK),
            ("api", "/api", HttpStatusCode.OK),
            ("mentions-legales", "/mentions-legales", HttpStatusCode.OK),
            ("accessibilite", "/accessibilite", HttpStatusCode.OK),
            ("donnees-personnelles", "/donnees-personnelles", HttpStatusCode.OK),
            ("contact", "/contact", HttpStatusCode.OK),
            ("plan-du-site", "/plan-du-site", HttpStatusCode.OK),
            ("design", "/design", HttpStatusCode.OK),
            ("demande-de-compte", "/compte/demande", HttpStatusCode.OK),
            ("erreur-404", "/nulle-part", HttpStatusCode.NotFound),
        ];
    }
}
