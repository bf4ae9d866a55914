namespace Atlas.Core.Editing;

/// <summary>A record's values at one point of its history: after a given change, or now.</summary>
public sealed record RecordVersion(bool Exists, IReadOnlyDictionary<string, string?> Values);
