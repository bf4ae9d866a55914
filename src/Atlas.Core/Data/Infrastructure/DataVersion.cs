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

/// <summary>How many API requests a client made in a one-minute window; shared by every web instance.</summary>
public sealed class ApiRateWindow
{
    public required string Client { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Requests { get; set; }
}
