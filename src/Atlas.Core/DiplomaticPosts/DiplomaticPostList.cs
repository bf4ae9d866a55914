namespace Atlas.Core.DiplomaticPosts;

/// <summary>French embassies and the countries they cover, a keyset page at a time, each with its countries and contacts.</summary>
public sealed class DiplomaticPostList(AtlasDbContext db)
{
    public static readonly IReadOnlyDictionary<string, SortField<DiplomaticPostRow>> Sorts = new Dictionary<string, SortField<DiplomaticPostRow>>
    {
        ["id"] = SortField.By<DiplomaticPostRow, int>("id", r => r.Id, r => r.Id),
        ["name"] = SortField.By<DiplomaticPostRow, string>("name", r => r.Name, r => r.Id),
    };

    public async Task<KeysetPage<DiplomaticPost>> ListAsync(DiplomaticPostFilter filter, ListRequest request, CancellationToken ct = default)
    {
        var page = await Filtered(db, filter).Select(p => new DiplomaticPostRow { Id = p.Id, Name = p.Name, City = p.City })
            .PageAsync(Sorts, request, ct).ConfigureAwait(false);
        var ids = page.Items.Select(r => r.Id).ToArray();
        var posts = await DiplomaticPostQuery.Posts(db).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct).ConfigureAwait(false);
        return new KeysetPage<DiplomaticPost>(page.Items.Select(r => posts[r.Id]).ToList(), page.Next, page.Total, page.TotalIsExact);
    }

    /// <summary>The posts a (validated) filter matches, unordered.</summary>
    public static IQueryable<DiplomaticPost> Filtered(AtlasDbContext db, DiplomaticPostFilter filter)
    {
        var posts = db.DiplomaticPosts.AsNoTracking();
        if (filter.Country is { } country) posts = posts.Where(p => p.Countries.Any(c => c.CountryCode == country));
        return posts;
    }
}
