namespace Atlas.Web.Api.Writes;

/// <summary>The answer to a write, from what the Core editing service made of it.</summary>
internal static class WriteOutcome
{
    /// <summary>A save that publishes directly (<see cref="RecordWriter{TRecord}.Save"/>): what the editing service answered, applied.</summary>
    public static async Task<SubmissionResult> Applied(Task<EditResult> save) => new SubmissionResult.Applied(await save);

    /// <param name="result">What the editing service answered.</param>
    /// <param name="record">The record as problems name it: "Partnership 12".</param>
    /// <param name="version">The version the change was made from (If-Match).</param>
    /// <param name="saved">The answer once saved, given the new version.</param>
    /// <param name="notFound">The 404 of a record gone meanwhile.</param>
    /// <param name="apiField">How the body names a Core field, when not simply camelCase.</param>
    public static async Task<IResult> OfAsync(EditResult result, string record, uint version, Func<uint, Task<IResult>> saved,
        Func<IResult> notFound, Func<string, string>? apiField = null) => result switch
    {
        EditResult.Saved s => await saved(s.Version),
        EditResult.Invalid invalid => WriteProblems.Invalid(invalid, apiField),
        EditResult.Forbidden => WriteProblems.Forbidden(record),
        EditResult.NotFound => notFound(),
        EditResult.Conflict conflict => WriteProblems.Conflict(record, version, conflict),
        var other => throw new InvalidOperationException($"Unexpected edit result {other}."),
    };
}
