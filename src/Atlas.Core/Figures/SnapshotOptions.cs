namespace Atlas.Core.Figures;

/// <summary>Settings of <see cref="CountSnapshots"/> (section Atlas:Snapshots).</summary>
public sealed class SnapshotOptions
{
    public const string Section = "Atlas:Snapshots";

    /// <summary>
    /// True (the default): after an edit, requests are answered from the previous counts while one instance computes the
    /// new ones in the background. False: the first request after an edit computes them and waits (tests that edit, then read).
    /// </summary>
    public bool RefreshInBackground { get; set; } = true;
}
