namespace Atlas.Core.Synthetic;

/// <summary>The mark left by the generator: the atlas's records are synthetic, made from this seed at this scale.</summary>
public sealed class SyntheticDataset
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public int Seed { get; set; }
    public double Scale { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
}
