namespace Atlas.Core.Editing;

/// <summary>
/// The one frame of every editing save and create: the editor is the author of what is saved, and saved or not,
/// nothing of the write stays tracked for whatever the request does next. Written once rather than in the 8 methods that
/// repeated it.
/// </summary>
public static class EditorWrites
{
    /// <summary>Runs <paramref name="write"/> as <paramref name="editor"/>, after checking that neither it nor <paramref name="input"/> is null.</summary>
    public static async Task<TResult> WriteAsync<TResult>(this AtlasDbContext db, Editor editor, object input, Func<Task<TResult>> write,
        [CallerArgumentExpression(nameof(input))] string? inputName = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(input, inputName);
        ArgumentNullException.ThrowIfNull(write);
        using var author = db.WriteAs(editor);
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
