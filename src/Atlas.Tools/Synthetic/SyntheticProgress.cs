namespace Atlas.Tools.Synthetic;

/// <summary>Where the generator is: the step, and how far through its rows.</summary>
public sealed record SyntheticProgress(string Step, long Done, long Total);
