using NpgsqlTypes;

namespace Atlas.Tools.Synthetic;

/// <summary>One binary COPY into a table, with typed nullable writes and progress every few thousand rows.</summary>
internal sealed class SyntheticCopy : IAsyncDisposable
{
    private const int ReportEvery = 5_000;
    private readonly NpgsqlBinaryImporter _writer;
    private readonly string _step;
    private readonly long _total;
    private readonly IProgress<SyntheticProgress>? _progress;
    private long _rows;

    private SyntheticCopy(NpgsqlBinaryImporter writer, string step, long total, IProgress<SyntheticProgress>? progress)
    {
        _writer = writer;
        _step = step;
        _total = total;
        _progress = progress;
    }

    /// <summary>Starts a COPY naming its columns, so that columns added later (nullable or with defaults) keep their default.</summary>
    public static async Task<SyntheticCopy> StartAsync(
        NpgsqlConnection connection, string table, string columns, string step, long total, IProgress<SyntheticProgress>? progress, CancellationToken ct)
    {
        var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        progress?.Report(new SyntheticProgress(step, 0, total));
        return new SyntheticCopy(writer, step, total, progress);
    }

    public async Task RowAsync()
    {
        _rows++;
        await _writer.StartRowAsync().ConfigureAwait(false);
    }

    /// <summary>How far through the step's <c>total</c> items (not rows: a project may give several rows, or none).</summary>
    public void Advance(long done)
    {
        if (done % ReportEvery == 0) _progress?.Report(new SyntheticProgress(_step, done, _total));
    }

    public Task IntAsync(int? value) => value is { } v ? _writer.WriteAsync(v, NpgsqlDbType.Integer) : _writer.WriteNullAsync();

    public Task TextAsync(string? value) => value is null ? _writer.WriteNullAsync() : _writer.WriteAsync(value, NpgsqlDbType.Text);

    public Task BoolAsync(bool? value) => value is { } v ? _writer.WriteAsync(v, NpgsqlDbType.Boolean) : _writer.WriteNullAsync();

    public Task DateAsync(DateOnly? value) => value is { } v ? _writer.WriteAsync(v, NpgsqlDbType.Date) : _writer.WriteNullAsync();

    public Task MoneyAsync(decimal? value) => value is { } v ? _writer.WriteAsync(v, NpgsqlDbType.Numeric) : _writer.WriteNullAsync();

    public Task DoubleAsync(double value) => _writer.WriteAsync(value, NpgsqlDbType.Double);

    public Task StampAsync(DateTimeOffset value) => _writer.WriteAsync(value.UtcDateTime, NpgsqlDbType.TimestampTz);

    public async Task<long> CompleteAsync()
    {
        await _writer.CompleteAsync().ConfigureAwait(false);
        _progress?.Report(new SyntheticProgress(_step, _total, _total));
        return _rows;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
