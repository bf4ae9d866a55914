using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Api.Writes;

/// <summary>GET editable, PUT and PATCH of a record, the same for every <see cref="RecordWriter{TRecord}"/>.</summary>
internal static class RecordWrites
{
    public static async Task<IResult> EditableAsync<TRecord>(HttpContext http, int id, RecordWriter<TRecord> writer, CancellationToken ct)
        where TRecord : class
    {
        if (Lists.ApiQuery.RefuseAny(http.Request.Query) is { } refused) return refused;
        if (await writer.Load(id, ct) is not { } current) return writer.NotFound(id);
        IfMatchVersion.Answer(http, current.Version);
        return Results.Ok(writer.Editable(id, current.Version, current.Record));
    }

    /// <summary>PUT: the body replaces the editable record, from the version in If-Match.</summary>
    public static async Task<IResult> ReplaceAsync<TRecord>(HttpContext http, int id, string? ifMatch, TRecord body, RecordWriter<TRecord> writer,
        CancellationToken ct) where TRecord : class
    {
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        if (await writer.Load(id, ct) is null) return writer.NotFound(id);
        return await SaveAsync(http, id, version, body, writer, ct);
    }

    /// <summary>PATCH: the body, a JSON merge patch, is merged into the editable record as stored, from the version in If-Match.</summary>
    public static async Task<IResult> PatchAsync<TRecord>(HttpContext http, int id, string? ifMatch, RecordWriter<TRecord> writer,
        CancellationToken ct) where TRecord : class
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        if (await writer.Load(id, ct) is not { } current) return writer.NotFound(id);
        var (merged, problem) = await MergePatch.ApplyAsync(http.Request, current.Record, json, ct);
        return problem ?? await SaveAsync(http, id, version, merged!, writer, ct);
    }

    private static async Task<IResult> SaveAsync<TRecord>(HttpContext http, int id, uint version, TRecord record, RecordWriter<TRecord> writer,
        CancellationToken ct) where TRecord : class
    {
        var result = await writer.Save(EditorAccessor.From(http.User)!, id, version, record, ct);
        return await WriteOutcome.OfAsync(result, writer.Name(id), version, async saved =>
        {
            IfMatchVersion.Answer(http, saved);
            return await writer.Load(id, ct) is { } stored ? Results.Ok(writer.Editable(id, saved, stored.Record)) : writer.NotFound(id);
        }, () => writer.NotFound(id));
    }
}
