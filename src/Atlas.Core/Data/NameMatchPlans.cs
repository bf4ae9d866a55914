namespace Atlas.Core.Data;

/// <summary>
/// Runs the page read of a name search with its matches found through the name's trigram index, never by walking an order's
/// index. The planner takes a name's matches to be spread evenly along the name order, and walks the (name, id) index
/// filtering each row: at scale 100 the 25,600 authorities named « saint » lie mostly among the S, and the walk read
/// 288,556 other names before the first page's 20 (6.0–7.0 s, EXPLAIN ANALYZE of 2026-12-06, load average 11–14), where
/// the trigram bitmap sorts all the matches (0.31 s) and, ANDed with the sample's bound on the name
/// (<see cref="Paging.SampledPageBound"/>), reads 62 rows (0.10 s). Asked for with each statement of the work, as <see cref="CustomPlans"/>.
/// </summary>
public static class NameMatchPlans
{
    public static Task<T> WithoutIndexWalksAsync<T>(this AtlasDbContext db, Func<Task<T>> work) =>
        CustomPlans.WithSettingAsync(db, "enable_indexscan", "off", work);
}
