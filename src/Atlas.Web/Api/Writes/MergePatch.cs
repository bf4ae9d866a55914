using System.Text.Json.Nodes;

namespace Atlas.Web.Api.Writes;

/// <summary>A JSON merge patch (RFC 7396) of an editable record, as PATCH takes it.</summary>
internal static class MergePatch
{
    public const string ContentType = "application/merge-patch+json";

    /// <summary>The record with the request body merged in; or the 400 problem of a body that is not a merge patch of it.</summary>
    public static async Task<(T? Merged, IResult? Problem)> ApplyAsync<T>(HttpRequest request, T current, JsonSerializerOptions options, CancellationToken ct)
        where T : class
    {
        T? merged;
        try
        {
            var patch = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
            if (patch is not JsonObject) return (null, NotAnObject());
            var record = JsonSerializer.SerializeToNode(current, options)!;
            merged = Merge(record, patch)!.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadParameter("body", "Not a valid JSON merge patch of the editable record: " + e.Message));
        }
        return merged is null ? (null, NotAnObject()) : (merged, null);
    }

    private static IResult NotAnObject() => ApiProblems.BadParameter("body", "A merge patch is a JSON object.");

    /// <summary>RFC 7396: the patch's members replace the target's, null removes one, objects merge, everything else replaces.</summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members) return patch?.DeepClone();
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            if (value is null) result[name] = null;
            else result[name] = Merge(result[name]?.DeepClone(), value);
        }
        return result;
    }
}
