using System.Text.Json;
using System.Text.Json.Serialization;
using Atlas.Core.Domain;

namespace Atlas.Core.Data;

/// <summary>
/// Reads entities from JSON that PostgreSQL built with <c>to_jsonb(row)</c>: snake_case column names, enums as their stored
/// kebab codes, instants converted to UTC as Npgsql returns them whatever the session's time zone. A graph read this way
/// costs one statement where EF's includes cost one per collection.
/// </summary>
internal static class RowJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new EnumCodeConverterFactory(), new UtcInstantConverter() },
    };

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
