namespace Atlas.Core.Authorities;

/// <summary>Streams the local authorities a filter of the authority list matches, in id order. Their contacts are not exported: they are personal data.</summary>
public sealed class AuthorityExport(AtlasDbContext db)
{
    public const string Filters = "/api/v1/authorities";

    public static readonly ExportTable<AuthorityExportRow> Table = new(
        new ExportTableInfo("authorities", "Local authorities", "Collectivités",
            "One row per local authority, French or foreign: commune, département, region, intercommunality, province, municipality…",
            "Une ligne par collectivité territoriale, française ou étrangère : commune, département, région, intercommunalité, province…",
            Filters, PrimaryKey: ["id"], ForeignKeys: []),
        new ExportColumns<AuthorityExportRow>()
            .StableId(a => a.Id, "de la collectivité", "authority", "15")
            .String("name", a => a.Name, "Nom officiel", "Official name, accents kept.", "Commune urbaine de Fès", required: true)
            .Strings("alternate_names", a => a.AlternateNames, "Autres noms : autres graphies, ancien ou nouveau nom, que la recherche trouve aussi",
                "Other spellings and former or later names it is known by, searched with the name.", "Commune urbaine d'El Jedida")
            .String("kind", a => a.Kind, "Catégorie de collectivité (commune, departement, region, commune-urbaine, province…)",
                "Kind of authority.", "commune-urbaine", required: true, values: [.. EnumCode<AuthorityKind>.All])
            .String("country_code", a => a.CountryCode, "Pays (code ISO 3166-1 alpha-2 ; FR pour les collectivités françaises)",
                "ISO 3166-1 alpha-2 code of its country (FR for French authorities).", "MA", required: true)
            .String("country_name", a => a.CountryName, "Nom français du pays", "French name of its country.", "Maroc", required: true)
            .String("region_code", a => a.RegionCode, "Région française (code INSEE), la sienne ou celle de son département",
                "French authorities: INSEE code of its region, its own or its département's.", "93")
            .String("region_name", a => a.RegionName, "Nom de la région", "Name of that region.", "Provence-Alpes-Côte d'Azur")
            .String("department_code", a => a.DepartmentCode, "Département français (code INSEE)", "French authorities: INSEE code of its département.", "13")
            .String("department_name", a => a.DepartmentName, "Nom du département", "Name of that département.", "Bouches-du-Rhône")
            .String("insee_code", a => a.InseeCode, "Code officiel géographique INSEE (communes françaises)", "French communes: INSEE COG code.", "2A004")
            .String("siren", a => a.Siren, "Numéro SIREN (collectivités françaises)", "French authorities: SIREN number.", "211300553")
            .Integer("population", a => a.Population, "Population, quand elle est connue", "Population, when known.", "1120000")
            .Integer("population_year", a => a.PopulationYear, "Année de ce chiffre de population", "Year of that population figure.", "2004")
            .String("leader_name", a => a.LeaderName, "Nom de l'élu qui la dirige (maire, président…)", "Name of its leader (mayor, president…).",
                "Simon Renucci")
            .String("leader_title", a => a.LeaderTitle, "Titre de cet élu", "Their title.", "Député-Maire d'Ajaccio")
            .String("website", a => a.Website, "Site internet", "Its website.", "www.mairie-belfort.fr")
            .Integer("partnership_count", a => a.PartnershipCount, "Nombre de partenariats auxquels elle participe",
                "How many partnerships it takes part in.", "2", required: true)
            .UpdatedAt(a => a.UpdatedAt)
            .Link("url", a => a.Url, "Adresse de la page publique de la collectivité sur le portail",
                "Address of the authority's public page on the portal.", "/collectivites/15", required: true)
            .Link("api_url", a => a.ApiUrl, "Adresse de la fiche complète dans l'API", "Address of the authority's whole record in this API.",
                "/api/v1/authorities/15", required: true));

    public async IAsyncEnumerable<AuthorityExportRow> AuthoritiesAsync(
        AuthorityFilter filter, ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // The list's own rows, and the columns of the whole record it does not read.
        var rows = from r in AuthorityList.Rows(AuthorityList.Filtered(db, filter))
                   join a in db.LocalAuthorities on r.Id equals a.Id
                   orderby r.Id
                   select new { Row = r, a.AlternateNames, a.InseeCode, a.Siren, a.LeaderName, a.LeaderTitle, a.Website };

        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            var r = a.Row;
            yield return new AuthorityExportRow
            {
                Id = r.Id,
                Name = r.Name,
                AlternateNames = a.AlternateNames,
                Kind = EnumCode<AuthorityKind>.ToCode(r.Kind),
                CountryCode = r.CountryCode,
                CountryName = reference.CountryName(r.CountryCode),
                RegionCode = r.RegionCode,
                RegionName = r.RegionCode is { } region ? reference.Regions.GetValueOrDefault(region, region) : null,
                DepartmentCode = r.DepartmentCode,
                DepartmentName = r.DepartmentCode is { } department && reference.Departments.TryGetValue(department, out var d) ? d.Name : r.DepartmentCode,
                InseeCode = a.InseeCode,
                Siren = a.Siren,
                Population = r.Population,
                PopulationYear = r.PopulationYear,
                LeaderName = a.LeaderName,
                LeaderTitle = a.LeaderTitle,
                Website = a.Website,
                PartnershipCount = r.PartnershipCount,
                UpdatedAt = r.UpdatedAt,
            };
        }
    }
}
