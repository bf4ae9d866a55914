using System.Text.RegularExpressions;

namespace Atlas.Core.Organisations;

/// <summary>Finds the organisations (associations, NGOs, agencies…) by filter, a keyset page at a time.</summary>
public sealed class OrganisationList(AtlasDbContext db)
{
    public static readonly IReadOnlyDictionary<string, SortField<OrganisationRow>> Sorts = new Dictionary<string, SortField<OrganisationRow>>
    {
        ["id"] = SortField.By<OrganisationRow, int>("id", r => r.Id, r => r.Id),
        ["name"] = SortField.By<OrganisationRow, string>("name", r => r.Name, r => r.Id),
    };

    public Task<KeysetPage<OrganisationRow>> ListAsync(OrganisationFilter filter, ListRequest request, CancellationToken ct = default) =>
        Rows(Filtered(db, filter)).PageAsync(Sorts, request, ct);

    /// <summary>The organisations a (validated) filter matches, unordered.</summary>
    public static IQueryable<Organisation> Filtered(AtlasDbContext db, OrganisationFilter f)
    {
        var organisations = db.Organisations.AsNoTracking();
        foreach (var pattern in NameTerms.Patterns(f.Query))
            organisations = organisations.Where(o => Regex.IsMatch(AtlasDbFunctions.Unaccent(o.Name), AtlasDbFunctions.Unaccent(pattern), RegexOptions.IgnoreCase));
        if (f.Kind is { } kind) organisations = organisations.Where(o => o.Kind == kind);
        if (f.Country is { } country) organisations = organisations.Where(o => o.CountryCode == country);
        return organisations;
    }

    public IQueryable<OrganisationRow> Rows(IQueryable<Organisation> organisations) => organisations.Select(o => new OrganisationRow
    {
        Id = o.Id,
        Name = o.Name,
        Kind = o.Kind,
        CountryCode = o.CountryCode,
        City = o.City,
        Website = o.Website,
        ProjectCount = db.Projects.Count(p =>
            p.Participants.Any(pp => pp.OrganisationId == o.Id) || p.Fundings.Any(f => f.FunderOrganisationId == o.Id)),
        UpdatedAt = o.UpdatedAt,
    });
}
