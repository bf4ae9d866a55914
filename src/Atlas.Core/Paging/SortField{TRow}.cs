namespace Atlas.Core.Paging;

/// <summary>A field a list may be sorted on, with the keyset condition that continues after a cursor.</summary>
public abstract class SortField<TRow>(string name)
{
    public string Name { get; } = name;

    /// <summary>Orders the rows by this field then by id, and keeps those after the cursor.</summary>
    public abstract IQueryable<TRow> Apply(IQueryable<TRow> rows, bool descending, KeysetCursor? after);

    /// <summary>The cursor that continues after this row.</summary>
    public abstract KeysetCursor CursorAfter(TRow row, string sort);

    /// <summary>Whether a cursor's value can be read back as this field's type.</summary>
    public abstract bool Accepts(KeysetCursor cursor);
}
