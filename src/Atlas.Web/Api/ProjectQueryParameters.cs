using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Atlas.Core.Domain;
using Atlas.Core.Projects;

namespace Atlas.Web.Api;

/// <summary>
/// Reads the query string of GET /api/v1/projects by hand, so that every bad value is answered with a 400 that names
/// its parameter, and an unknown parameter (a typo) is refused rather than silently ignored.
/// </summary>
internal static class ProjectQueryParameters
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    private const string CursorPrefix = "p1:";

    public static readonly string[] Names = ["q", "country", "region", "department", "authority", "theme", "status", "yearFrom", "yearTo", "limit", "cursor"];

    public sealed record Parsed(ProjectFilter Filter, int Limit, int? AfterId);

    public static (Parsed? Value, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var key in query.Keys.Where(k => !Names.Contains(k, StringComparer.Ordinal)))
            errors[key] = [$"Unknown parameter. Known parameters: {string.Join(", ", Names)}."];
        foreach (var key in query.Keys.Where(k => query[k].Count > 1))
            errors[key] = ["Give this parameter once."];

        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        int? Integer(string name, int min, int max)
        {
            var text = Text(name);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            errors[name] = [$"Must be a whole number from {min} to {max}."];
            return null;
        }

        ProjectStatus? status = null;
        if (Text("status") is { } statusText)
        {
            if (EnumCode<ProjectStatus>.TryParse(statusText, out var s)) status = s;
            else errors["status"] = [$"Must be one of: {string.Join(", ", EnumCode<ProjectStatus>.All)}."];
        }

        int? afterId = null;
        if (Text("cursor") is { } cursor)
        {
            afterId = DecodeCursor(cursor);
            if (afterId is null) errors["cursor"] = ["Malformed cursor: pass back the nextCursor of a previous page unchanged."];
        }

        var filter = new ProjectFilter
        {
            Query = Text("q"),
            Country = Text("country")?.ToUpperInvariant(),
            Region = Text("region"),
            Department = Text("department")?.ToUpperInvariant(),
            Authority = Integer("authority", 1, int.MaxValue),
            Theme = Text("theme"),
            Status = status,
            YearFrom = Integer("yearFrom", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
            YearTo = Integer("yearTo", ProjectFilterValidator.MinYear, ProjectFilterValidator.MaxYear),
        };
        var limit = Integer("limit", 1, MaxLimit) ?? DefaultLimit;
        return errors.Count > 0 ? (null, errors) : (new Parsed(filter, limit, afterId), errors);
    }

    public static string EncodeCursor(int lastId) =>
        Encoding.ASCII.GetString(Base64Url.EncodeToUtf8(Encoding.ASCII.GetBytes(CursorPrefix + lastId.ToString(CultureInfo.InvariantCulture))));

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
