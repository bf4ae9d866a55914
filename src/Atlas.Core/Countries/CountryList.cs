namespace Atlas.Core.Countries;

/// <summary>Countries with their counts of partnerships and projects, a keyset page at a time.</summary>
public sealed class CountryList(AtlasDbContext db)
{
    // Countries have no numeric id: the two letters of the code make one, unique and in code order.
    private const string Sql = """
        SELECT ascii(substr(c.code, 1, 1)) * 256 + ascii(substr(c.code, 2, 1)) AS ordinal,
               c.code::text AS code, c.name AS name, c.name_en AS name_en,
               coalesce(pa.n, 0)::int AS partnerships, coalesce(pr.n, 0)::int AS projects
        FROM countries c
        LEFT JOIN (SELECT a.country_code, count(DISTINCT l.partnership_id) AS n
                   FROM partnership_authorities l JOIN local_authorities a ON a.id = l.local_authority_id
                        JOIN partnerships p ON p.id = l.partnership_id
                   -- France's authorities are the home side of every partnership: France counts none (see PartnerCountries).
                   WHERE p.deleted_at IS NULL AND a.country_code <> 'FR'
                   GROUP BY a.country_code) pa ON pa.country_code = c.code
        LEFT JOIN (SELECT code, count(*) AS n FROM projects, unnest(country_codes) AS code WHERE deleted_at IS NULL GROUP BY code) pr
               ON pr.code = c.code::text
        """;

    public static readonly IReadOnlyDictionary<string, SortField<CountryRow>> Sorts = new Dictionary<string, SortField<CountryRow>>
    {
        ["code"] = SortField.By<CountryRow, string>("code", r => r.Code, r => r.Ordinal),
        ["name"] = SortField.By<CountryRow, string>("name", r => r.Name, r => r.Ordinal),
        ["projects"] = SortField.By<CountryRow, int>("projects", r => r.Projects, r => r.Ordinal),
        ["partnerships"] = SortField.By<CountryRow, int>("partnerships", r => r.Partnerships, r => r.Ordinal),
    };

    public Task<KeysetPage<CountryRow>> ListAsync(CountryFilter filter, ListRequest request, CancellationToken ct = default) =>
        Filtered(filter).PageAsync(Sorts, request, ct);

    /// <summary>Every country with its counts, before any filter.</summary>
    public IQueryable<CountryRow> All() => db.Database.SqlQueryRaw<CountryRow>(Sql);

    /// <summary>The countries a (validated) filter matches, unordered.</summary>
    public IQueryable<CountryRow> Filtered(CountryFilter filter)
    {
        var rows = All();
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var query = filter.Query;
            rows = rows.Where(r => AtlasDbFunctions.Unaccent(r.Name).ToLower().Contains(AtlasDbFunctions.Unaccent(query).ToLower())
                || AtlasDbFunctions.Unaccent(r.NameEn).ToLower().Contains(AtlasDbFunctions.Unaccent(query).ToLower()));
        }
        // PartnerCountries.IsPartner, written so that EF translates it.
        if (filter.IsPartner is { } partner)
            rows = partner
                ? rows.Where(r => r.Code != CountryCodes.France && (r.Partnerships > 0 || r.Projects > 0))
                : rows.Where(r => r.Code == CountryCodes.France || (r.Partnerships == 0 && r.Projects == 0));
        if (filter.HasPartnerships is { } has) rows = has ? rows.Where(r => r.Partnerships > 0) : rows.Where(r => r.Partnerships == 0);
        return rows;
    }
}
