namespace Atlas.Web.Api.Writes;

/// <summary>
/// GET editable, PUT and PATCH of a record, the same for every <see cref="RecordWriter{TRecord}"/>: the API's one write pipeline
/// (the token and its scope are the routes', <see cref="RecordWriteRoutes"/>): If-Match read (428 without it), 404, the merge
/// patch, Core's answer as 200, 202 (kept for review), 400, 403, 409 or 412 (<see cref="WriteOutcome"/>).
/// </summary>
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
        JsonSerializerOptions json, CancellationToken ct) where TRecord : class
    {
        if (IfMatchVersion.Read(ifMatch) is not { } version) return IfMatchVersion.Problem(ifMatch);
        if (await writer.Load(id, ct) is not { } current) return writer.NotFound(id);
        var (merged, problem) = await MergePatch.ApplyAsync(http.Request, current.Record, json, ct);
        return problem ?? await SaveAsync(http, id, version, merged!, writer, ct);
    }

    private static async Task<IResult> SaveAsync<TRecord>(HttpContext http, int id, uint version, TRecord record, RecordWriter<TRecord> writer,
        CancellationToken ct) where TRecord : class
    {
        switch (await writer.Save(EditorAccessor.From(http.User)!, id, version, record, ct))
        {
            case SubmissionResult.Submitted pending:
                return Results.Accepted(value: new PendingChangeDto(pending.PendingChangeId, "pending",
                    "An authority editor's change to a published record waits for the review of the country's correspondent; the published record is unchanged until then."));
            case SubmissionResult.Applied { Result: var result }:
                return await WriteOutcome.OfAsync(result, writer.Name(id), version, async saved =>
                {
                    IfMatchVersion.Answer(http, saved);
                    return await writer.Load(id, ct) is { } stored ? Results.Ok(writer.Editable(id, saved, stored.Record)) : writer.NotFound(id);
                }, () => writer.NotFound(id), writer.ApiField);
            case var other:
                throw new InvalidOperationException($"Unexpected submission result {other}.");
        }
    }
}
