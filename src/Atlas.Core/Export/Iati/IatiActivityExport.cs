using System.Xml;

namespace Atlas.Core.Export.Iati;

/// <summary>
/// The projects a filter matches as an IATI 2.03 activity file (one iati-activity per project), streamed: projects are
/// read a batch at a time in id order with their participants, fundings and themes, so memory stays flat however many.
/// </summary>
public sealed class IatiActivityExport(AtlasDbContext db, TimeProvider clock)
{
    public const string Version = "2.03";
    public const int BatchSize = 200;

    /// <summary>Whether the filter matches a project: the schema requires at least one iati-activity in a file.</summary>
    public Task<bool> AnyAsync(ProjectFilter filter, ReferenceCatalog.Snapshot reference, CancellationToken ct = default) =>
        ProjectSearch.Filtered(db, filter, reference).AnyAsync(ct);

    /// <summary>Writes the file to <paramref name="output"/>; returns the number of activities written.</summary>
    /// <param name="output">Where the file goes.</param>
    /// <param name="filter">The projects.</param>
    /// <param name="reference">Reference data.</param>
    /// <param name="reportingOrg">Who publishes the file.</param>
    /// <param name="baseUrl">The portal's public address without final slash: each activity links to its project's page there.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<int> WriteAsync(
        Stream output, ProjectFilter filter, ReferenceCatalog.Snapshot reference, IatiReportingOrg reportingOrg, string baseUrl, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var xml = XmlWriter.Create(output, settings);
        var activities = new IatiXml(xml, baseUrl);

        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "iati-activities", null).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "version", null, Version).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "generated-datetime", null, IatiXml.Timestamp(now)).ConfigureAwait(false);

        var count = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await Batch(filter, reference, afterId).ToListAsync(ct).ConfigureAwait(false);
            foreach (var project in batch)
            {
                await activities.WriteActivityAsync(IatiActivity.Of(project, reference, today), reportingOrg).ConfigureAwait(false);
                count++;
            }
            await xml.FlushAsync().ConfigureAwait(false);
            if (batch.Count < BatchSize) break;
            afterId = batch[^1].Id;
        }

        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
        return count;
    }

    private IQueryable<Project> Batch(ProjectFilter filter, ReferenceCatalog.Snapshot reference, int afterId) =>
        ProjectSearch.Filtered(db, filter, reference)
            .Where(p => p.Id > afterId)
            .OrderBy(p => p.Id)
            .Take(BatchSize)
            .Include(p => p.Participants).ThenInclude(pp => pp.LocalAuthority)
            .Include(p => p.Participants).ThenInclude(pp => pp.Organisation)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderAuthority)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderOrganisation)
            .Include(p => p.Themes)
            .Include(p => p.Partnership!).ThenInclude(pa => pa.Themes)
            .Include(p => p.Partnership!).ThenInclude(pa => pa.Authorities).ThenInclude(a => a.LocalAuthority)
            .AsSplitQuery();
}
