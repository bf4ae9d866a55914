namespace Atlas.Core.Editing;

/// <summary>Whether a piece of text is in both versions, only in the old one, or only in the new one.</summary>
public enum DiffKind { Same, Removed, Added }
