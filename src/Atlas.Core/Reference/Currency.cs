namespace Atlas.Core.Reference;

/// <summary>An ISO 4217 currency.</summary>
public sealed class Currency
{
    public required string Code { get; set; }
    public required string Name { get; set; }
}
