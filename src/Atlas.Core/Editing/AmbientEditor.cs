namespace Atlas.Core.Editing;

/// <summary>
/// The editor of the current asynchronous flow (a web request, a test). The web layer sets it once the person is signed in,
/// around the rest of the request (<c>using (AmbientEditor.Use(editor)) await next(context);</c>); Core's editing services set
/// it around their own saves. It flows with the async calls rather than living in a DI scope because the DbContext is
/// pooled: its interceptor is a singleton that no request scope can reach.
/// </summary>
public sealed class AmbientEditor : IEditorContext
{
    private static readonly AsyncLocal<Editor?> Current = new();

    public Editor? Editor => Current.Value;

    /// <summary>Makes <paramref name="editor"/> the author of what this flow saves until the result is disposed.</summary>
    public static IDisposable Use(Editor? editor)
    {
        var previous = Current.Value;
        Current.Value = editor;
        return new Restore(previous);
    }

    private sealed class Restore(Editor? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
