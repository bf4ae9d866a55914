using System.Text.Json.Serialization;

namespace Atlas.Web.Api.Exports;

/// <summary>Constraints on a column's values.</summary>
/// <param name="Required">Every row has a value.</param>
/// <param name="Unique">No two rows have the same value.</param>
/// <param name="Enum">The only values the column takes.</param>
public sealed record FieldConstraintsDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Required,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Unique,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Enum);
