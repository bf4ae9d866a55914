namespace Atlas.Core.Paging;

public static class SortField
{
    /// <summary>A sort on <paramref name="key"/> (never null: coalesce nullable columns), ties broken by <paramref name="id"/>.</summary>
    public static SortField<TRow> By<TRow, TKey>(string name, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, int>> id) =>
        new Typed<TRow, TKey>(name, key, id);

    private sealed class Typed<TRow, TKey>(string name, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, int>> id) : SortField<TRow>(name)
    {
        private readonly Func<TRow, TKey> _keyOf = key.Compile();
        private readonly Func<TRow, int> _idOf = id.Compile();

        public override IQueryable<TRow> Apply(IQueryable<TRow> rows, bool descending, KeysetCursor? after)
        {
            if (after is not null)
            {
                var value = Read(after.Value);
                var afterId = after.Id;
                rows = rows.Where(After(value, afterId, descending));
            }
            return descending ? rows.OrderByDescending(key).ThenBy(id) : rows.OrderBy(key).ThenBy(id);
        }

        public override KeysetCursor CursorAfter(TRow row, string sort) =>
            new(sort, JsonSerializer.Serialize(_keyOf(row)), _idOf(row));

        public override bool Accepts(KeysetCursor cursor)
        {
            try
            {
                _ = Read(cursor.Value);
                return true;
            }
            catch (Exception e) when (e is JsonException or ArgumentNullException or NotSupportedException)
            {
                return false;
            }
        }

        private static TKey Read(string? value) =>
            JsonSerializer.Deserialize<TKey>(value ?? throw new ArgumentNullException(nameof(value))) ?? throw new JsonException("null sort value");

        // key >= value AND (key > value OR (key = value AND id > afterId)), with < for a descending sort; the values travel as SQL parameters.
        private Expression<Func<TRow, bool>> After(TKey value, int afterId, bool descending)
        {
            var row = key.Parameters[0];
            var keyBody = key.Body;
            var idBody = LambdaInlining.Inline(id, row);
            var holder = new Holder(value, afterId);
            Expression valueExpr = Expression.Property(Expression.Constant(holder), nameof(Holder.Value));
            Expression idExpr = Expression.Property(Expression.Constant(holder), nameof(Holder.Id));

            Expression beyond, from, equal;
            if (typeof(TKey) == typeof(string))
            {
                var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, keyBody, valueExpr);
                beyond = descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
                from = descending ? Expression.LessThanOrEqual(compare, Expression.Constant(0)) : Expression.GreaterThanOrEqual(compare, Expression.Constant(0));
            }
            else
            {
                beyond = descending ? Expression.LessThan(keyBody, valueExpr) : Expression.GreaterThan(keyBody, valueExpr);
                from = descending ? Expression.LessThanOrEqual(keyBody, valueExpr) : Expression.GreaterThanOrEqual(keyBody, valueExpr);
            }
            equal = Expression.AndAlso(Expression.Equal(keyBody, valueExpr), Expression.GreaterThan(idBody, idExpr));
            // key >= value is implied by the rest, but unlike an OR it is an index condition: the scan of a (key, id) index
            // starts at the cursor. Measured on 13,800 authorities sorted by name, a page after « Saint-Étienne »: 22 ms
            // reading 11,038 rows without it, 0.2 ms with it. The comparison is in the column's collation (fr-x-icu), the
            // order of the sort, so a cursor neither skips nor repeats a name.
            return Expression.Lambda<Func<TRow, bool>>(Expression.AndAlso(from, Expression.OrElse(beyond, equal)), row);
        }

        private sealed class Holder(TKey value, int id)
        {
            public TKey Value { get; } = value;
            public int Id { get; } = id;
        }
    }
}
