using System.Collections;
using System.Text.RegularExpressions;

namespace Atlas.Core.Export;

/// <summary>A link from columns of one export table to the key of another (a child table's project_id to projects.id).</summary>
public sealed record ExportForeignKey(IReadOnlyList<string> Columns, string Table, IReadOnlyList<string> ReferencedColumns);

/// <summary>
/// A downloadable table: its name, what it holds, its columns, its keys. The export endpoints, the datapackage.json
/// and the /donnees page are all generated from these declarations.
/// </summary>
public abstract partial class ExportTable
{
    protected ExportTable(ExportTableInfo info, IReadOnlyList<ExportColumn> columns)
    {
        if (!SnakeCase().IsMatch(info.Name)) throw new ArgumentException($"Export table name '{info.Name}' must be snake_case.");
        if (columns.Count == 0) throw new ArgumentException($"Export table {info.Name} has no column.");
        foreach (var column in columns.Where(c => !SnakeCase().IsMatch(c.Name)))
            throw new ArgumentException($"Column '{column.Name}' of {info.Name} must be snake_case.");
        foreach (var twice in columns.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            throw new ArgumentException($"Column {twice.Key} of {info.Name} is declared twice.");
        var names = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in info.PrimaryKey.Concat(info.ForeignKeys.SelectMany(f => f.Columns)).Where(k => !names.Contains(k)))
            throw new ArgumentException($"Key column {key} is not a column of {info.Name}.");

        Name = info.Name;
        Title = info.Title;
        Label = info.Label;
        Description = info.Description;
        Summary = info.Summary;
        PrimaryKey = info.PrimaryKey;
        ForeignKeys = info.ForeignKeys;
        Filters = info.Filters;
        Columns = columns;
    }

    /// <summary>snake_case name: the Table Schema resource name.</summary>
    public string Name { get; }

    /// <summary>The name of its files: projects.csv, project-participants.jsonl.</summary>
    public string FileName => Name.Replace('_', '-');

    /// <summary>English title.</summary>
    public string Title { get; }

    /// <summary>French title, for the data dictionary page.</summary>
    public string Label { get; }

    /// <summary>English description: what one row is.</summary>
    public string Description { get; }

    /// <summary>French description, for the data dictionary page.</summary>
    public string Summary { get; }

    public IReadOnlyList<string> PrimaryKey { get; }

    public IReadOnlyList<ExportForeignKey> ForeignKeys { get; }

    /// <summary>The API list whose filters the export accepts (/api/v1/projects).</summary>
    public string Filters { get; }

    public IReadOnlyList<ExportColumn> Columns { get; }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}

/// <summary>What a table declaration says of a table besides its columns.</summary>
public sealed record ExportTableInfo(
    string Name, string Title, string Label, string Description, string Summary, string Filters,
    IReadOnlyList<string> PrimaryKey, IReadOnlyList<ExportForeignKey> ForeignKeys);

/// <summary>A table whose rows are <typeparamref name="TRow"/>.</summary>
public sealed class ExportTable<TRow>(ExportTableInfo info, ExportColumns<TRow> columns) : ExportTable(info, columns.ToList())
{
    public new IReadOnlyList<ExportColumn<TRow>> Columns { get; } = columns.ToList();
}

/// <summary>The column declarations of a table, in their order: <c>new ExportColumns&lt;Row&gt;().Integer("id", r =&gt; r.Id, …)</c>.</summary>
public sealed class ExportColumns<TRow> : IEnumerable<ExportColumn<TRow>>
{
    private readonly List<ExportColumn<TRow>> _columns = [];

    public ExportColumns<TRow> String(string name, Func<TRow, string?> value, string label, string description, string example,
        bool required = false, IReadOnlyList<string>? values = null) =>
        Add(new TextExportColumn<TRow>(new ExportColumnInfo(name, label, description, example, required, values), value));

    public ExportColumns<TRow> Integer(string name, Func<TRow, int?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, int>(new ExportColumnInfo(name, label, description, example, required), ExportType.Integer, value,
            ExportColumn<TRow>.Format, (json, v) => json.WriteNumberValue(v)));

    public ExportColumns<TRow> Number(string name, Func<TRow, decimal?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, decimal>(new ExportColumnInfo(name, label, description, example, required), ExportType.Number, value,
            ExportColumn<TRow>.Format, (json, v) => json.WriteNumberValue(v)));

    public ExportColumns<TRow> Boolean(string name, Func<TRow, bool?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, bool>(new ExportColumnInfo(name, label, description, example, required), ExportType.Boolean, value,
            ExportColumn<TRow>.Format, (json, v) => json.WriteBooleanValue(v)));

    public ExportColumns<TRow> Date(string name, Func<TRow, DateOnly?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, DateOnly>(new ExportColumnInfo(name, label, description, example, required), ExportType.Date, value,
            ExportColumn<TRow>.Format, (json, v) => json.WriteStringValue(ExportColumn<TRow>.Format(v))));

    public ExportColumns<TRow> DateTime(string name, Func<TRow, DateTimeOffset?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, DateTimeOffset>(new ExportColumnInfo(name, label, description, example, required), ExportType.DateTime, value,
            ExportColumn<TRow>.Format, (json, v) => json.WriteStringValue(ExportColumn<TRow>.Format(v))));

    /// <summary>Several texts per row, joined with " | " in CSV.</summary>
    public ExportColumns<TRow> Strings(string name, Func<TRow, IEnumerable<string>> values, string label, string description, string example) =>
        Add(new RepeatedExportColumn<TRow, string>(new ExportColumnInfo(name, label, description, example), ExportType.String, values,
            v => v, (json, v) => json.WriteStringValue(v)));

    /// <summary>Several whole numbers per row, joined with " | " in CSV.</summary>
    public ExportColumns<TRow> Integers(string name, Func<TRow, IEnumerable<int>> values, string label, string description, string example) =>
        Add(new RepeatedExportColumn<TRow, int>(new ExportColumnInfo(name, label, description, example), ExportType.Integer, values,
            ExportColumn<TRow>.Format, (json, v) => json.WriteNumberValue(v)));

    private ExportColumns<TRow> Add(ExportColumn<TRow> column)
    {
        _columns.Add(column);
        return this;
    }

    public IEnumerator<ExportColumn<TRow>> GetEnumerator() => _columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Declarations of ExportTable's foreign keys, briefly.</summary>
public static class ExportKeys
{
    public static ExportForeignKey References(string column, string table, string referencedColumn) => new([column], table, [referencedColumn]);
}
