namespace Atlas.Core.Editing;

/// <summary>A record chosen or offered in a picker: its id and how it is named (with its country or city).</summary>
public sealed record PickedRecord(int Id, string Label);
