using System.Collections;

namespace Atlas.Core.Export;

/// <summary>The column declarations of a table, in their order: <c>new ExportColumns&lt;Row&gt;().Integer("id", r =&gt; r.Id, …)</c>.</summary>
public sealed class ExportColumns<TRow> : IEnumerable<ExportColumn<TRow>>
{
    private readonly List<ExportColumn<TRow>> _columns = [];

    public ExportColumns<TRow> String(string name, Func<TRow, string?> value, string label, string description, string example,
        bool required = false, IReadOnlyList<string>? values = null) =>
        Add(new TextExportColumn<TRow>(new ExportColumnInfo(name, label, description, example, required, values), value));

    /// <summary>
    /// An address on the portal, declared as a path (/projets/42) and written absolute after the portal's public address;
    /// <paramref name="example"/> is the path.
    /// </summary>
    public ExportColumns<TRow> Link(string name, Func<TRow, string?> path, string label, string description, string example, bool required = false) =>
        Add(new TextExportColumn<TRow>(new ExportColumnInfo(name, label, description, example, required), path, link: true));

    public ExportColumns<TRow> Integer(string name, Func<TRow, int?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, int>(new ExportColumnInfo(name, label, description, example, required), ExportType.Integer, value,
            ExportColumn<TRow>.Format, (csv, v) => csv.Value(v), (json, v) => json.WriteNumberValue(v)));

    public ExportColumns<TRow> Number(string name, Func<TRow, decimal?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, decimal>(new ExportColumnInfo(name, label, description, example, required), ExportType.Number, value,
            ExportColumn<TRow>.Format, (csv, v) => csv.Value(v), (json, v) => json.WriteNumberValue(v)));

    public ExportColumns<TRow> Boolean(string name, Func<TRow, bool?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, bool>(new ExportColumnInfo(name, label, description, example, required), ExportType.Boolean, value,
            ExportColumn<TRow>.Format, (csv, v) => csv.Ascii(v ? "true"u8 : "false"u8), (json, v) => json.WriteBooleanValue(v)));

    public ExportColumns<TRow> Date(string name, Func<TRow, DateOnly?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, DateOnly>(new ExportColumnInfo(name, label, description, example, required), ExportType.Date, value,
            ExportColumn<TRow>.Format, (csv, v) => csv.Value(v, ExportColumn<TRow>.DateFormat), (json, v) => json.WriteStringValue(ExportColumn<TRow>.Format(v))));

    public ExportColumns<TRow> DateTime(string name, Func<TRow, DateTimeOffset?> value, string label, string description, string example, bool required = false) =>
        Add(new ValueExportColumn<TRow, DateTimeOffset>(new ExportColumnInfo(name, label, description, example, required), ExportType.DateTime, value,
            ExportColumn<TRow>.Format, (csv, v) => csv.Value(v.UtcDateTime, ExportColumn<TRow>.DateTimeFormat),
            (json, v) => json.WriteStringValue(ExportColumn<TRow>.Format(v))));

    /// <summary>Several texts per row, joined with " | " in CSV.</summary>
    public ExportColumns<TRow> Strings(string name, Func<TRow, IEnumerable<string>> values, string label, string description, string example) =>
        Add(new RepeatedExportColumn<TRow, string>(new ExportColumnInfo(name, label, description, example), ExportType.String, values,
            v => v, (json, v) => json.WriteStringValue(v)));

    /// <summary>Several whole numbers per row, joined with " | " in CSV.</summary>
    public ExportColumns<TRow> Integers(string name, Func<TRow, IEnumerable<int>> values, string label, string description, string example) =>
        Add(new RepeatedExportColumn<TRow, int>(new ExportColumnInfo(name, label, description, example), ExportType.Integer, values,
            ExportColumn<TRow>.Format, (json, v) => json.WriteNumberValue(v)));

    /// <summary>
    /// The id column of a record's table, said the same way for every record: « Identifiant stable {de la collectivité} »,
    /// "Stable identifier of the {authority}".
    /// </summary>
    public ExportColumns<TRow> StableId(Func<TRow, int?> id, string ofFrench, string english, string example) =>
        Integer("id", id, $"Identifiant stable {ofFrench}, jamais réutilisé ni changé par un renommage",
            $"Stable identifier of the {english}, never reused or changed by a rename.", example, required: true);

    /// <summary>Where a record comes from, the same column in every table that keeps it.</summary>
    public ExportColumns<TRow> Source(Func<TRow, string?> source) =>
        String("source", source, "Source de la fiche", "Where the record comes from.", "Atlas français de la coopération décentralisée");

    /// <summary>A record's last change, the same column in every record's table.</summary>
    public ExportColumns<TRow> UpdatedAt(Func<TRow, DateTimeOffset?> updatedAt) =>
        DateTime("updated_at", updatedAt, "Dernière modification de la fiche (ISO 8601, temps universel, à la seconde)",
            "Last change of the record, ISO 8601 in UTC, to the second.", "2024-05-13T09:30:00Z", required: true);

    private ExportColumns<TRow> Add(ExportColumn<TRow> column)
    {
        _columns.Add(column);
        return this;
    }

    public IEnumerator<ExportColumn<TRow>> GetEnumerator() => _columns.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
