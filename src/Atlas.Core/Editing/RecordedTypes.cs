using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Atlas.Core.Editing;

/// <summary>
/// The records whose changes the history keeps, their names in it, and how their fields are written as text. Reference data
/// (countries, currencies, themes…), accounts and infrastructure tables are left out: accounts hold secrets.
/// </summary>
public static class RecordedTypes
{
    private static readonly FrozenDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(Project)] = "project",
        [typeof(ProjectTheme)] = "project-theme",
        [typeof(ProjectParticipant)] = "project-participant",
        [typeof(Funding)] = "funding",
        [typeof(Volunteer)] = "volunteer",
        [typeof(Partnership)] = "partnership",
        [typeof(PartnershipAuthority)] = "partnership-authority",
        [typeof(PartnershipTheme)] = "partnership-theme",
        [typeof(LocalAuthority)] = "local-authority",
        [typeof(Organisation)] = "organisation",
        [typeof(DiplomaticPost)] = "diplomatic-post",
        [typeof(DiplomaticPostCountry)] = "diplomatic-post-country",
        [typeof(Contact)] = "contact",
    }.ToFrozenDictionary();

    /// <summary>Kept up to date by the application, not by editors: recording them would only repeat the change.</summary>
    private static readonly FrozenSet<string> Unrecorded = new[]
    {
        nameof(Project.Version), nameof(Project.UpdatedAt), nameof(Project.ConfirmedAt), nameof(Project.SearchText), nameof(Project.SearchVector),
        nameof(Project.CountryCodes), nameof(Project.RegionCodes), nameof(Project.DepartmentCodes), nameof(Project.AuthorityIds),
        nameof(Project.ThemeIds), nameof(LocalAuthority.PartnershipCount),
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The records saved together with lines of their own (funding lines, contacts, countries), whose version the lines' changes are told from.</summary>
    private static readonly FrozenSet<Type> WithLines = new[] { typeof(Project), typeof(Partnership), typeof(LocalAuthority), typeof(DiplomaticPost) }.ToFrozenSet();

    internal static bool HasLines(Type? type) => type is not null && WithLines.Contains(type);

    public static string? NameOf(Type type) => Names.GetValueOrDefault(type);

    public static string NameOf<T>() => Names[typeof(T)];

    public static Type? TypeOf(string name) => Names.FirstOrDefault(kv => kv.Value == name).Key;

    /// <summary>The project a record belongs to, if any.</summary>
    internal static int? ProjectOf(EntityEntry entry) => entry.Entity switch
    {
        Project p => p.Id,
        ProjectTheme t => t.ProjectId,
        ProjectParticipant p => p.ProjectId,
        Funding f => f.ProjectId,
        Volunteer v => v.ProjectId,
        Contact c => c.ProjectId,
        _ => null,
    };

    internal static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    /// <summary>The fields a history shows, in the model's order, with their primary key left out (it names the record).</summary>
    internal static IEnumerable<IProperty> Fields(IEntityType type) =>
        type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && !Unrecorded.Contains(p.Name));

    /// <summary>A field's name as the history and the API spell it: camelCase.</summary>
    public static string FieldName(IProperty property) => char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    /// <summary>A value as text, the same whatever the culture: codes for enums, ISO 8601 for dates, '.' for decimals.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        // 1500 and 1500.00 are one amount: trailing zeros say nothing.
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        Enum e => EnumText(e),
        // An authority's other names: none is no value, as an empty text field; several are told as the exports join them.
        string[] { Length: 0 } => null,
        string[] texts => string.Join(" | ", texts),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string EnumText(Enum value)
    {
        var code = typeof(EnumCode<>).MakeGenericType(value.GetType()).GetMethod(nameof(EnumCode<ProjectStatus>.ToCode))!;
        return (string)code.Invoke(null, [value])!;
    }
}
