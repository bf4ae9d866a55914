namespace Atlas.Tools.Synthetic;

/// <summary>The database holds records that the generator did not make, and it was not told to replace them.</summary>
public sealed class SyntheticDataRefusedException(string message) : Exception(message);
