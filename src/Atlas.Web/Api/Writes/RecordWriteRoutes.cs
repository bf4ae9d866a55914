using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Atlas.Web.Api.Writes;

internal static class RecordWriteRoutes
{
    /// <summary>
    /// Maps GET {id}/editable, PUT {id} and PATCH {id} (the writes behind a personal API token) to the one write pipeline
    /// (<see cref="RecordWrites"/>) with the record's <see cref="RecordWriter{TRecord}"/> from the services, its body type
    /// <typeparamref name="TRecord"/>, its answer <typeparamref name="TEditable"/> and the errors every write answers with.
    /// <paramref name="editable"/> replaces the plain GET …/editable where reading the record needs more than a token.
    /// </summary>
    public static (RouteHandlerBuilder Editable, RouteHandlerBuilder Replace, RouteHandlerBuilder Patch) MapRecordWrites<TRecord, TEditable>(
        this RouteGroupBuilder group, RecordWriteDocs docs, Delegate? editable = null) where TRecord : class
    {
        // The handlers are generic methods, so they are given as delegates of their closed types.
        Delegate read = editable ?? new Func<int, HttpContext, RecordWriter<TRecord>, CancellationToken, Task<IResult>>(EditableAsync);
        Delegate replace = new Func<int, string?, TRecord, HttpContext, RecordWriter<TRecord>, CancellationToken, Task<IResult>>(ReplaceAsync);
        Delegate patch = new Func<int, string?, HttpContext, RecordWriter<TRecord>, IOptions<JsonOptions>, CancellationToken, Task<IResult>>(PatchAsync);
        var get = group.MapGet("/{id:int}/editable", read)
            .WithName("GetEditable" + docs.Name)
            .WithSummary($"One {docs.Noun}'s editable record")
            .WithDescription(docs.Editable)
            .WithApiParameters([docs.Id])
            .Produces<TEditable>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var put = group.MapPut("/{id:int}", replace)
            .WithName("Replace" + docs.Name)
            .WithSummary($"Change {EnglishArticle.A(docs.Noun)}'s editable record")
            .WithDescription(docs.Replace)
            .WithApiParameters([docs.Id, docs.IfMatch, new("body", "The whole editable record.", In: ApiParameterIn.Body)])
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<TRecord>("application/json")
            .Produces<TEditable>()
            .WriteErrors();

        var merge = group.MapPatch("/{id:int}", patch)
            .WithName("Patch" + docs.Name)
            .WithSummary($"Change some fields of {EnglishArticle.A(docs.Noun)}'s editable record")
            .WithDescription(docs.Patch)
            .WithApiParameters([docs.Id, docs.IfMatch])
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<TRecord>(MergePatch.ContentType, "application/json")
            .Produces<TEditable>()
            .WriteErrors();
        return (get, put, merge);
    }

    private static Task<IResult> EditableAsync<TRecord>(int id, HttpContext http, [FromServices] RecordWriter<TRecord> writer, CancellationToken ct)
        where TRecord : class => RecordWrites.EditableAsync(http, id, writer, ct);

    private static Task<IResult> ReplaceAsync<TRecord>(int id, [FromHeader(Name = "If-Match")] string? ifMatch, [FromBody] TRecord body, HttpContext http,
        [FromServices] RecordWriter<TRecord> writer, CancellationToken ct) where TRecord : class =>
        RecordWrites.ReplaceAsync(http, id, ifMatch, body, writer, ct);

    private static Task<IResult> PatchAsync<TRecord>(int id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
        [FromServices] RecordWriter<TRecord> writer, IOptions<JsonOptions> json, CancellationToken ct) where TRecord : class =>
        RecordWrites.PatchAsync(http, id, ifMatch, writer, json.Value.SerializerOptions, ct);

    /// <summary>What PUT needs, said once: "Needs a personal API token … whose owner may edit the {noun}, and If-Match …".</summary>
    public static string TokenAndVersion(string noun) =>
        $"Needs a personal API token (Authorization: Bearer atl_…) whose owner may edit the {noun}, and If-Match with the version read " +
        "(the version field, as a strong ETag: \"1234\").";
}
