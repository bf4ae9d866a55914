using Atlas.Web.Hosting;

namespace Atlas.Web.Api.Writes;

internal static class RecordWriteRoutes
{
    /// <summary>
    /// Maps GET {id}/editable, PUT {id} and PATCH {id} (the writes behind a personal API token), with the record's body type
    /// <typeparamref name="TRecord"/>, its answer <typeparamref name="TEditable"/> and the errors every write answers with.
    /// </summary>
    public static (RouteHandlerBuilder Editable, RouteHandlerBuilder Replace, RouteHandlerBuilder Patch) MapRecordWrites<TRecord, TEditable>(
        this RouteGroupBuilder group, RecordWriteDocs docs, Delegate editable, Delegate replace, Delegate patch) where TRecord : notnull
    {
        var get = group.MapGet("/{id:int}/editable", editable)
            .WithName("GetEditable" + docs.Name)
            .WithSummary($"One {docs.Noun}'s editable record")
            .WithDescription(docs.Editable)
            .Produces<TEditable>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var put = group.MapPut("/{id:int}", replace)
            .WithName("Replace" + docs.Name)
            .WithSummary($"Change {EnglishArticle.A(docs.Noun)}'s editable record")
            .WithDescription(docs.Replace)
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<TRecord>("application/json")
            .Produces<TEditable>()
            .WriteErrors();

        var merge = group.MapPatch("/{id:int}", patch)
            .WithName("Patch" + docs.Name)
            .WithSummary($"Change some fields of {EnglishArticle.A(docs.Noun)}'s editable record")
            .WithDescription(docs.Patch)
            .RequireAuthorization(ApiTokenAuthentication.Policy)
            .Accepts<TRecord>(MergePatch.ContentType, "application/json")
            .Produces<TEditable>()
            .WriteErrors();
        return (get, put, merge);
    }

    /// <summary>What PUT needs, said once: "Needs a personal API token … whose owner may edit the {noun}, and If-Match …".</summary>
    public static string TokenAndVersion(string noun) =>
        $"Needs a personal API token (Authorization: Bearer atl_…) whose owner may edit the {noun}, and If-Match with the version read " +
        "(the version field, as a strong ETag: \"1234\").";
}
