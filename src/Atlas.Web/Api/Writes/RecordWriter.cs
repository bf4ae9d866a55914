namespace Atlas.Web.Api.Writes;

/// <summary>
/// How the write API reaches one kind of record (projects, partnerships, authorities, posts): its name in problems, how its
/// editable record is read, how it is saved through Core (directly, or kept for review), and the answer that shows it.
/// </summary>
/// <param name="Noun">The kind of record as problems name it: "partnership", "diplomatic post".</param>
/// <param name="Load">Its version and editable record; null when there is no such record.</param>
/// <param name="Save">Saves a record through the Core editing service, on behalf of the editor, from a version: applied, or (a project
/// changed by an authority editor) kept for review.</param>
/// <param name="Editable">The body answering with the record at a version.</param>
/// <param name="ApiField">How the body names a Core field, when not simply camelCase.</param>
internal sealed record RecordWriter<TRecord>(
    string Noun,
    Func<int, CancellationToken, Task<(uint Version, TRecord Record)?>> Load,
    Func<Editor, int, uint, TRecord, CancellationToken, Task<SubmissionResult>> Save,
    Func<int, uint, TRecord, object> Editable,
    Func<string, string>? ApiField = null) where TRecord : class
{
    /// <summary>The record as problems name it, with its id: "Partnership 12".</summary>
    public string Name(int id) => $"{char.ToUpperInvariant(Noun[0])}{Noun[1..]} {id}";

    /// <summary>The 404 of an id that names no record.</summary>
    public IResult NotFound(int id) => ApiProblems.NotFound($"There is no {Noun} {id}.");
}
