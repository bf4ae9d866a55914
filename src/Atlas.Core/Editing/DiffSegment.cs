namespace Atlas.Core.Editing;

/// <summary>A run of text that both versions share, or that one of them alone has (<see cref="WordDiff"/>).</summary>
public sealed record DiffSegment(string Text, DiffKind Kind);
