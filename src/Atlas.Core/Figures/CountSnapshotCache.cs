namespace Atlas.Core.Figures;

/// <summary>
/// The stored counts this instance last read, with the data version they were computed from. At scale 100 the stored row
/// is about 0.5 MB of JSON (a country page's figures for every partner country among it), read and parsed by every request
/// that shows a figure; with this copy a request reads the row's version only and parses its payload once per version.
/// </summary>
public sealed class CountSnapshotCache
{
    private Entry? _entry;

    internal Entry? Current => Volatile.Read(ref _entry);

    internal void Keep(DateTimeOffset dataChangedAt, AtlasCounts counts) => Volatile.Write(ref _entry, new Entry(dataChangedAt, counts));

    internal sealed record Entry(DateTimeOffset DataChangedAt, AtlasCounts Counts);
}
