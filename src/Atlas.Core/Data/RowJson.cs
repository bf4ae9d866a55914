using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Atlas.Core.Data;

/// <summary>
/// Entities read from JSON that PostgreSQL builds in one statement (a graph read this way costs one round trip where EF's
/// includes cost one per collection): <see cref="Object"/> writes the SQL of a row's JSON from the EF model, with every
/// mapped property under its snake_case name; <see cref="Read"/> reads it back, enums as their stored kebab codes and
/// instants in UTC as Npgsql returns them whatever the session's time zone.
/// </summary>
internal static class RowJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new EnumCodeConverterFactory(), new UtcInstantConverter() },
    };

    /// <summary>
    /// <c>json_build_object(...)</c> of the row <paramref name="alias"/> of <typeparamref name="T"/>'s table, with the
    /// navigations given as extra <c>'name', value</c> pairs; NULL when the row is missing (the outer side of a LEFT JOIN).
    /// </summary>
    public static string Object<T>(IModel model, string alias, string? navigations = null, params string[] leftOut)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !leftOut.Contains(p.Name)).Select(p =>
        {
            var column = p.GetColumnName(table)!;
            // xmin (a record's version) is an xid, which has no JSON form: as a number, like EF reads it.
            var value = column == "xmin" ? $"{alias}.xmin::text::bigint" : $"{alias}.{column}";
            return $"'{JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)}', {value}";
        });
        var key = entity.FindPrimaryKey()!.Properties[0].GetColumnName(table);
        var pairs = string.Join(", ", navigations is null ? columns : columns.Append(navigations));
        return $"CASE WHEN {alias}.{key} IS NOT NULL THEN json_build_object({pairs}) END";
    }

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"PostgreSQL returned no {typeof(T).Name}.");

    private sealed class EnumCodeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EnumCodeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class EnumCodeConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnumCode<TEnum>.Parse(reader.GetString() ?? throw new JsonException($"A {typeof(TEnum).Name} code is null."));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(EnumCode<TEnum>.ToCode(value));
    }

    private sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
