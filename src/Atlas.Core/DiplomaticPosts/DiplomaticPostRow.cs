namespace Atlas.Core.DiplomaticPosts;

/// <summary>The columns a list of posts reads and sorts on.</summary>
public sealed class DiplomaticPostRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string? City { get; init; }
}
