namespace Atlas.Core.Data;

/// <summary>SQL of the check constraints several slices' configurations share.</summary>
internal static class CheckConstraints
{
    /// <summary>The column holds one of the codes: how a kebab-case enum column (see <see cref="EnumCode{TEnum}"/>) is guarded.</summary>
    internal static string InList(string column, IEnumerable<string> codes) =>
        $"{column} IN ({string.Join(", ", codes.Select(c => $"'{c}'"))})";
}
