namespace Atlas.Core.Data;

/// <summary>A value kept whole in one jsonb column (a change's fields, a submitted record's values).</summary>
internal static class JsonColumn
{
    /// <summary>
    /// Stored as jsonb in the history's JSON shape (<see cref="ChangeRecorder.Json"/>); compared and copied through that same
    /// serialised form, so that a change inside the value (a field of a submitted record) is seen by the change tracker.
    /// </summary>
    public static PropertyBuilder<TValue> IsJson<TValue>(this PropertyBuilder<TValue> property) where TValue : class?, new() =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, ChangeRecorder.Json),
            json => JsonSerializer.Deserialize<TValue>(json, ChangeRecorder.Json) ?? new TValue(),
            new ValueComparer<TValue>(
                (a, b) => JsonSerializer.Serialize(a, ChangeRecorder.Json) == JsonSerializer.Serialize(b, ChangeRecorder.Json),
                v => JsonSerializer.Serialize(v, ChangeRecorder.Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<TValue>(JsonSerializer.Serialize(v, ChangeRecorder.Json), ChangeRecorder.Json)!));
}
