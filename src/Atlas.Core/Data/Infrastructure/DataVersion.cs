namespace Atlas.Core.Data.Infrastructure;

/// <summary>
/// The one row that says when the atlas's data last changed: statement triggers on every data table move it forward, so
/// every web instance derives the same ETag and Last-Modified from it, whoever made the change.
/// </summary>
public sealed class DataVersion
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
