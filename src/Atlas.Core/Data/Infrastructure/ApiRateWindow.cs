namespace Atlas.Core.Data.Infrastructure;

/// <summary>How many API requests a client made in a one-minute window; shared by every web instance.</summary>
public sealed class ApiRateWindow
{
    public required string Client { get; set; }
    public DateTimeOffset WindowStart { get; set; }
    public int Requests { get; set; }
}
