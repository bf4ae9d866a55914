namespace Atlas.Core.Editing;

/// <summary>Who is writing in the current flow: the author <see cref="ChangeRecorder"/> puts in the history. Null: nobody.</summary>
public interface IEditorContext
{
    Editor? Editor { get; }
}
