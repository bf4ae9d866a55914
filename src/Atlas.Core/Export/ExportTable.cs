using System.Text.RegularExpressions;

namespace Atlas.Core.Export;

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

    /// <summary>
    /// The name a downloaded file is saved under, in French and dated, so that two downloads of different days stay apart:
    /// atlas-projets-2026-12-06 for the projects (without extension). <paramref name="variant"/> tells a variant of the same
    /// file apart (atlas-projets-excel-2026-12-06).
    /// </summary>
    public string DownloadName(DateOnly day, string? variant = null) => DatedName(Slug(Label), day, variant);

    /// <summary>atlas-{name}[-{variant}]-{yyyy-MM-dd}: how every downloaded file is named.</summary>
    public static string DatedName(string name, DateOnly day, string? variant = null) =>
        $"atlas-{name}{(variant is null ? "" : "-" + variant)}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Participants des projets → participants-des-projets: lower case, without accents, words joined by hyphens.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

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
