using System.Text.Json.Serialization;

namespace Atlas.Core.Data.Seeding;

/// <summary>Reads the data files embedded in Atlas.Core (reference CSVs, demo JSON).</summary>
internal static class EmbeddedData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static IEnumerable<string> Names(string prefix) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static T ReadJson<T>(string resource)
    {
        using var stream = Open(resource);
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{resource} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{resource}: {e.Message}", e);
        }
    }

    /// <summary>The rows of an RFC 4180 CSV file with a header line, as dictionaries keyed by column name.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string resource)
    {
        using var reader = new StreamReader(Open(resource), Encoding.UTF8);
        var rows = ParseCsv(reader.ReadToEnd());
        var header = rows[0];
        return rows.Skip(1).Where(r => r.Count == header.Count)
            .Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal))
            .ToList();
    }

    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    private static Stream Open(string resource) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream(resource) ?? throw new InvalidDataException($"Missing embedded resource {resource}.");
}
