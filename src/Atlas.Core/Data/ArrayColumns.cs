namespace Atlas.Core.Data;

/// <summary>
/// Conditions on array columns (a project's countries, themes, authorities…) in the forms their GIN index answers. EF
/// translates <c>column.Contains(value)</c> to <c>value = ANY (column)</c>, which no index serves: an authority's projects
/// at scale 100 took a sequential scan of every project (1.2 s) where <c>column @&gt; ARRAY[value]</c> takes 2 ms.
/// </summary>
public static class ArrayColumns
{
    /// <summary>The rows whose array holds <paramref name="value"/>: <c>column @&gt; ARRAY[value]</c>.</summary>
    public static Expression<Func<TRow, bool>> Holds<TRow, T>(Expression<Func<TRow, T[]>> column, T value)
    {
        T[] values = [value];
        Expression<Func<T[], T[], bool>> holds = (array, wanted) => wanted.All(v => array.Contains(v));
        return On(column, holds, () => values);
    }

    // The values come from a closure, so that EF sends them as a parameter and caches one plan for every value.
    private static Expression<Func<TRow, bool>> On<TRow, T>(
        Expression<Func<TRow, T[]>> column, Expression<Func<T[], T[], bool>> condition, Expression<Func<T[]>> values) =>
        Expression.Lambda<Func<TRow, bool>>(LambdaInlining.Inline(condition, column.Body, values.Body), column.Parameters);
}
