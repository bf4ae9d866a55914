namespace Atlas.Core.Data.Infrastructure;

/// <summary>
/// The mark left by the generator (Atlas.Tools <c>generate</c>): the atlas's records are synthetic, made from this seed at
/// this scale. The app reads it at start-up, so that it adds no demo records to a generated database.
/// </summary>
public sealed class SyntheticDataset
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public int Seed { get; set; }
    public double Scale { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
}
