namespace Atlas.Core.Workspace;

/// <summary>
/// What an editor's space lists of the records in their scope: words of the title (accents and case ignored), one kind
/// (projects or partnerships; null for both), and only those not confirmed for too long.
/// </summary>
public sealed record WorkspaceFilter(string? Words = null, RecordKind? Kind = null, bool StaleOnly = false)
{
    public const int MaxWordsLength = 200;
}
