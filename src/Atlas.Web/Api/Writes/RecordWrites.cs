using Atlas.Core.Editing;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Atlas.Web.Api.Writes;

/// <summary>
/// How the write API reaches one kind of record that publishes directly (partnerships, authorities…): its name in problems,
/// how its editable record is read, how it is saved through Core, and the answer that shows it.
/// </summary>
/// <param name="Name">The record as problems name it, with its id: "Partnership 12".</param>
/// <param name="Load">Its version and editable record; null when there is no such record.</param>
/// <param name="Save">Saves a record through the Core editing service, on behalf of the editor, from a version.</param>
/// <param name="Editable">The body answering with the record at a version.</param>
/// <param name="NotFound">The 404 of an id that names no record.</param>
internal sealed record RecordWriter<TRecord>(
    Func<int, string> Name,
    Func<int, CancellationToken, Task<(uint Version, TRecord Record)?>> Load,
    Func<Editor, int, uint, TRecord, CancellationToken, Task<EditResult>> Save,
    Func<int, uint, TRecord, object> Editable,
    Func<int, IResult> NotFound) where TRecord : class;

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
