using Atlas.Core.Editing;

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
