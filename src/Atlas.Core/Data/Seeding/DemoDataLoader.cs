namespace Atlas.Core.Data.Seeding;

/// <summary>
/// Loads the reference data and the demo dataset embedded in Atlas.Core. Every record is matched on its code or key and
/// only missing ones are added, so running it again (every start-up does) neither duplicates nor overwrites anything.
/// </summary>
public sealed partial class DemoDataLoader(AtlasDbContext db, ILogger<DemoDataLoader> logger)
{
    private const long AdvisoryLockKey = 0x41544C4153 + 1;
    private const string DemoPrefix = "Atlas.Demo.";
    private static readonly string[] NonPartnershipFiles = ["themes.json", "posts.json", "synthesis-themes.json"];

    public async Task<DemoLoadResult> LoadAsync(bool includeDemo, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;

        var countries = await LoadReferenceAsync(ct).ConfigureAwait(false);
        var themes = await LoadThemesAsync(ct).ConfigureAwait(false);
        var result = new DemoLoadResult(countries, themes.Added, 0, 0, 0, 0, 0);
        // The projects whose themes a retired node handed over to its replacement (none once the tree matches themes.json).
        await ReindexAsync(themes.ProjectsToReindex, ct).ConfigureAwait(false);
        if (includeDemo)
        {
            var files = EmbeddedData.Names(DemoPrefix)
                .Where(n => !NonPartnershipFiles.Contains(n[DemoPrefix.Length..], StringComparer.Ordinal))
                .Select(n => (Name: n[DemoPrefix.Length..], File: EmbeddedData.ReadJson<DemoFile>(n)))
                .ToList();
            var authorities = await LoadAuthoritiesAsync(files, now, ct).ConfigureAwait(false);
            var organisations = await LoadOrganisationsAsync(files, now, ct).ConfigureAwait(false);
            var posts = await LoadPostsAsync(now, ct).ConfigureAwait(false);
            var (partnerships, projectIds) = await LoadPartnershipsAsync(files, now, ct).ConfigureAwait(false);
            // The new projects' search columns were filled by their save (ProjectSearchUpkeep); a start that adds none runs no
            // UPDATE, which would fire the data-version triggers and make every cache, ETag and stored count of every instance stale.
            result = result with { Authorities = authorities, Organisations = organisations, Posts = posts, Partnerships = partnerships, Projects = projectIds.Count };
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        LogLoaded(logger, result);
        return result;
    }

    private async Task<int> LoadReferenceAsync(CancellationToken ct)
    {
        var countryCodes = await db.Countries.Select(c => c.Code).ToHashSetAsync(ct).ConfigureAwait(false);
        var newCountries = EmbeddedData.ReadCsv("Atlas.Reference.countries.csv")
            .Where(r => !countryCodes.Contains(r["code"]))
            .Select(r => new Country { Code = r["code"], Code3 = r["code3"], Name = r["name_fr"], NameEn = r["name_en"] })
            .ToList();
        db.Countries.AddRange(newCountries);

        var currencyCodes = await db.Currencies.Select(c => c.Code).ToHashSetAsync(ct).ConfigureAwait(false);
        db.Currencies.AddRange(EmbeddedData.ReadCsv("Atlas.Reference.currencies.csv")
            .Where(r => !currencyCodes.Contains(r["code"]))
            .Select(r => new Currency { Code = r["code"], Name = r["name_fr"] }));

        var regionCodes = await db.Regions.Select(r => r.Code).ToHashSetAsync(ct).ConfigureAwait(false);
        db.Regions.AddRange(EmbeddedData.ReadCsv("Atlas.Reference.regions.csv")
            .Where(r => !regionCodes.Contains(r["code"]))
            .Select(r => new Region { Code = r["code"], Name = r["name"] }));

        var departmentCodes = await db.Departments.Select(d => d.Code).ToHashSetAsync(ct).ConfigureAwait(false);
        db.Departments.AddRange(EmbeddedData.ReadCsv("Atlas.Reference.departements.csv")
            .Where(r => !departmentCodes.Contains(r["code"]))
            .Select(r => new Department { Code = r["code"], Name = r["name"], RegionCode = r["region_code"] }));

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return newCountries.Count;
    }

    /// <summary>
    /// A few projects by their ids; many (a generated database on the former tree: about 4 projects in 10 had a retired
    /// theme) a slice of ids at a time, as the bulk load does, because one statement over half a million ids outlasts
    /// any command timeout.
    /// </summary>
    private async Task ReindexAsync(IReadOnlyCollection<int> projectIds, CancellationToken ct)
    {
        const int Slice = 50_000;
        if (projectIds.Count == 0) return;
        if (projectIds.Count <= Slice)
        {
            await ProjectSearchIndex.RefreshAsync(db, projectIds, ct).ConfigureAwait(false);
            return;
        }
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (Npgsql.NpgsqlTransaction?)Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(db.Database.CurrentTransaction!);
        for (var from = projectIds.Min(); from <= projectIds.Max(); from += Slice)
            await ProjectSearchIndex.RefreshAsync(connection, transaction, null, from, from + Slice - 1, ct).ConfigureAwait(false);
    }

    private async Task<ThemeTreeSync.Result> LoadThemesAsync(CancellationToken ct) =>
        await ThemeTreeSync.SyncAsync(db, EmbeddedData.ReadJson<List<DemoTheme>>(DemoPrefix + "themes.json"), ct).ConfigureAwait(false);

    private async Task<int> LoadAuthoritiesAsync(List<(string Name, DemoFile File)> files, DateTimeOffset now, CancellationToken ct)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.RegionCode, ct).ConfigureAwait(false);
        var merged = new Dictionary<string, DemoAuthority>(StringComparer.Ordinal);
        var printed = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var record in files.SelectMany(f => f.File.Authorities ?? []))
        {
            merged[record.Key] = merged.TryGetValue(record.Key, out var first) ? Merge(first, record) : record;
            if (!printed.TryGetValue(record.Key, out var names)) printed[record.Key] = names = [];
            names.AddRange(record.AlternateNames ?? []);
            if (record.Name is not null) names.Add(record.Name);
        }

        return await AddNewAsync(db.LocalAuthorities, merged.Values, r => r.Key, r =>
        {
            var country = Require(r.Country, r.Key, "country");
            var region = r.Region ?? (r.Department is not null && departments.TryGetValue(r.Department, out var rc) ? rc : null);
            return new LocalAuthority
            {
                Key = r.Key,
                Name = Require(r.Name, r.Key, "name"),
                AlternateNames = AlternateNames(r.Name!, printed[r.Key]),
                Kind = ParseCode<AuthorityKind>(Require(r.Kind, r.Key, "kind"), r.Key),
                CountryCode = country,
                RegionCode = country == CountryCodes.France ? region : null,
                DepartmentCode = country == CountryCodes.France ? r.Department : null,
                InseeCode = r.InseeCode,
                Population = r.Population,
                PopulationYear = r.PopulationYear,
                LeaderName = r.LeaderName,
                LeaderTitle = r.LeaderTitle,
                Website = r.Website,
                UpdatedAt = now,
            };
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The other names of an authority: those its record gives, and the other ways the files print its name ("Région
    /// Poitou-Charentes", "Conseil Régional Poitou-Charentes"). A name differing only in accents, case or punctuation is not
    /// another name: the search already ignores those, and the record would show it twice.
    /// </summary>
    internal static string[] AlternateNames(string name, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Comparable(name) };
        return [.. names.Where(n => seen.Add(Comparable(n)))];
    }

    private static string Comparable(string name) => AuthorityValidator.Comparable(name);

    private static DemoAuthority Merge(DemoAuthority a, DemoAuthority b) => new(
        a.Key, a.Name ?? b.Name, a.Kind ?? b.Kind, a.Country ?? b.Country, a.Department ?? b.Department, a.Region ?? b.Region,
        a.InseeCode ?? b.InseeCode, a.Population ?? b.Population, a.PopulationYear ?? b.PopulationYear,
        a.LeaderName ?? b.LeaderName, a.LeaderTitle ?? b.LeaderTitle, a.Website ?? b.Website, a.AlternateNames ?? b.AlternateNames);

    private async Task<int> LoadOrganisationsAsync(List<(string Name, DemoFile File)> files, DateTimeOffset now, CancellationToken ct) =>
        await AddNewAsync(db.Organisations, files.SelectMany(f => f.File.Organisations ?? []), r => r.Key, r => new Organisation
        {
            Key = r.Key,
            Name = r.Name,
            Kind = r.Kind is null ? OrganisationKind.Other : ParseCode<OrganisationKind>(r.Kind, r.Key),
            CountryCode = r.Country,
            City = r.City,
            Website = r.Website,
            UpdatedAt = now,
        }, ct).ConfigureAwait(false);

    private async Task<int> LoadPostsAsync(DateTimeOffset now, CancellationToken ct) =>
        await AddNewAsync(db.DiplomaticPosts, EmbeddedData.ReadJson<List<DemoPost>>(DemoPrefix + "posts.json"), r => r.Key, r => new DiplomaticPost
        {
            Key = r.Key,
            Name = r.Name,
            City = r.City,
            UpdatedAt = now,
            Countries = r.Countries.Select(c => new DiplomaticPostCountry { CountryCode = c }).ToList(),
            Contacts = (r.Contacts ?? []).Select((c, i) => NewContact(c, i, null)).ToList(),
        }, ct).ConfigureAwait(false);

    /// <summary>
    /// Adds the records of the files whose key is not in the database yet (a record kept from an earlier load, even in the
    /// bin, is left as it is) and says how many were added.
    /// </summary>
    private async Task<int> AddNewAsync<TRecord, TSource>(DbSet<TRecord> records, IEnumerable<TSource> sources, Func<TSource, string> key,
        Func<TSource, TRecord> create, CancellationToken ct) where TRecord : AtlasRecord
    {
        var existing = await records.IgnoreQueryFilters().Where(r => r.Key != null).Select(r => r.Key!).ToHashSetAsync(ct).ConfigureAwait(false);
        var added = sources.DistinctBy(key).Where(s => !existing.Contains(key(s))).Select(create).ToList();
        records.AddRange(added);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return added.Count;
    }

    private async Task<(int Partnerships, List<int> ProjectIds)> LoadPartnershipsAsync(
        List<(string Name, DemoFile File)> files, DateTimeOffset now, CancellationToken ct)
    {
        var authorities = await db.LocalAuthorities.IgnoreQueryFilters().Where(a => a.Key != null).ToDictionaryAsync(a => a.Key!, a => a.Id, ct).ConfigureAwait(false);
        var organisations = await db.Organisations.IgnoreQueryFilters().Where(o => o.Key != null).ToDictionaryAsync(o => o.Key!, o => o.Id, ct).ConfigureAwait(false);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Key, t => t.Id, ct).ConfigureAwait(false);
        var partnerships = await db.Partnerships.IgnoreQueryFilters().Where(p => p.Key != null).ToDictionaryAsync(p => p.Key!, ct).ConfigureAwait(false);
        var projectKeys = await db.Projects.IgnoreQueryFilters().Where(p => p.Key != null).Select(p => p.Key!).ToHashSetAsync(ct).ConfigureAwait(false);
        var synthesis = EmbeddedData.ReadJson<Dictionary<string, List<string>>>(DemoPrefix + "synthesis-themes.json");
        var lookups = new Lookups(authorities, organisations, themes);

        var addedPartnerships = 0;
        var newProjects = new List<Project>();
        foreach (var (_, file) in files)
        {
            foreach (var r in file.Partnerships ?? [])
            {
                if (!partnerships.TryGetValue(r.Key, out var partnership))
                {
                    partnership = NewPartnership(r, synthesis.GetValueOrDefault(r.Key) ?? [], lookups, now);
                    db.Partnerships.Add(partnership);
                    partnerships[r.Key] = partnership;
                    addedPartnerships++;
                }
                foreach (var (p, index) in (r.Projects ?? []).Select((p, i) => (p, i)).Where(x => !projectKeys.Contains(x.p.Key)))
                {
                    var project = NewProject(p, lookups, now);
                    // A project keeps its own source when it names one: Woippy – Salé's project is the ministry atlas's record,
                    // its partnership the répertoire's entry.
                    project.Source = p.Source ?? r.Source;
                    partnership.Projects.Add(project);
                    newProjects.Add(project);
                    projectKeys.Add(p.Key);
                }
            }
            foreach (var p in (file.Projects ?? []).Where(p => !projectKeys.Contains(p.Key)))
            {
                var project = NewProject(p, lookups, now);
                project.Source = p.Source;
                db.Projects.Add(project);
                newProjects.Add(project);
                projectKeys.Add(p.Key);
            }
        }

        var unknownSynthesisKeys = synthesis.Keys.Where(k => !partnerships.ContainsKey(k)).ToList();
        if (unknownSynthesisKeys.Count > 0)
            throw new InvalidDataException($"synthesis-themes.json names unknown partnerships: {string.Join(", ", unknownSynthesisKeys)}");

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (addedPartnerships, newProjects.Select(p => p.Id).ToList());
    }

    private sealed record Lookups(Dictionary<string, int> Authorities, Dictionary<string, int> Organisations, Dictionary<string, int> Themes)
    {
        public int Authority(string key, string owner) =>
            Authorities.TryGetValue(key, out var id) ? id : throw new InvalidDataException($"{owner}: unknown authority '{key}'.");

        public int Organisation(string key, string owner) =>
            Organisations.TryGetValue(key, out var id) ? id : throw new InvalidDataException($"{owner}: unknown organisation '{key}'.");

        /// <summary>
        /// The tree node a demo file's theme key stands for and the label its source gave it: a key of a source's own
        /// vocabulary goes through the crosswalk; a key of the tree itself has no source label.
        /// </summary>
        public (int Id, string? SourceLabel) Theme(string key, string owner)
        {
            if (ThemeCrosswalk.BySourceKey.TryGetValue(key, out var entry) && Themes.TryGetValue(entry.TreeKey, out var mapped))
                return (mapped, entry.SourceLabel);
            return Themes.TryGetValue(key, out var id) ? (id, null) : throw new InvalidDataException($"{owner}: unknown theme '{key}'.");
        }
    }

    private static Partnership NewPartnership(DemoPartnership r, List<string> themeKeys, Lookups lookups, DateTimeOffset now) => new()
    {
        Key = r.Key,
        Title = r.Title,
        LegalFrame = r.LegalFrame,
        SignedOn = r.SignedOn,
        SignedYear = r.SignedYear ?? r.SignedOn?.Year,
        Status = r.Status is null ? PartnershipStatus.Unknown : ParseCode<PartnershipStatus>(r.Status, r.Key),
        History = r.History,
        Domains = r.Domains,
        Source = r.Source,
        UpdatedAt = now,
        Authorities = r.Authorities.Distinct().Select(a => new PartnershipAuthority { LocalAuthorityId = lookups.Authority(a, r.Key) }).ToList(),
        Themes = themeKeys.Select(t => lookups.Theme(t, r.Key)).GroupBy(t => t.Id)
            .Select(g => new PartnershipTheme { ThemeId = g.Key, SourceLabel = g.Aggregate((string?)null, (label, t) => ThemeSourceLabel.Join(label, t.SourceLabel)) })
            .ToList(),
        Contacts = (r.Contacts ?? []).Select((c, i) => NewContact(c, i, lookups, r.Key)).ToList(),
    };

    private static Project NewProject(DemoProject r, Lookups lookups, DateTimeOffset now)
    {
        var project = new Project
        {
            Key = r.Key,
            Title = r.Title,
            Status = r.Status is null ? ProjectStatus.Ongoing : ParseCode<ProjectStatus>(r.Status, r.Key),
            FirstSignatureYear = r.FirstSignatureYear,
            StartYear = r.StartYear ?? r.StartDate?.Year,
            StartDate = r.StartDate,
            EndYear = r.EndYear ?? r.EndDate?.Year,
            EndDate = r.EndDate,
            Context = r.Context,
            History = r.History,
            Objectives = r.Objectives,
            Description = r.Description,
            Form = r.Form,
            Beneficiaries = r.Beneficiaries,
            TotalCostAmount = r.TotalCost?.Amount,
            TotalCostCurrency = r.TotalCost?.Currency,
            IsTriennial = r.IsTriennial,
            CommunicationInFrance = r.CommunicationInFrance,
            CommunicationInPartnerCountry = r.CommunicationInPartnerCountry,
            EvaluationPolicy = r.EvaluationPolicy,
            UpdatedAt = now,
        };
        // Two source themes may land on one node of the tree (the répertoire's "Eau & assainissement" under two domains):
        // the project then carries it once, main if either was, with both labels.
        var themes = (r.MainTheme is null ? [] : new[] { new DemoThemePriority(r.MainTheme, null) })
            .Concat(r.OtherThemes ?? [])
            .Select((t, i) => (Node: lookups.Theme(t.Theme, r.Key), IsMain: i == 0 && r.MainTheme is not null, t.Priority));
        foreach (var theme in themes)
        {
            if (project.Themes.FirstOrDefault(t => t.ThemeId == theme.Node.Id) is { } same)
            {
                same.SourceLabel = ThemeSourceLabel.Join(same.SourceLabel, theme.Node.SourceLabel);
                if (!same.IsMain) same.Priority = Min(same.Priority, theme.Priority);
                continue;
            }
            project.Themes.Add(new ProjectTheme
            {
                ThemeId = theme.Node.Id, IsMain = theme.IsMain, Priority = theme.IsMain ? null : theme.Priority, SourceLabel = theme.Node.SourceLabel,
            });
        }

        project.Participants = (r.Participants ?? []).Select((p, i) => new ProjectParticipant
        {
            Role = ParseCode<ParticipantRole>(p.Role, r.Key),
            LocalAuthorityId = p.Authority is null ? null : lookups.Authority(p.Authority, r.Key),
            OrganisationId = p.Organisation is null ? null : lookups.Organisation(p.Organisation, r.Key),
            SortOrder = i,
        }).ToList();
        project.Fundings = (r.Fundings ?? []).Select((f, i) => new Funding
        {
            FunderAuthorityId = f.FunderAuthority is null ? null : lookups.Authority(f.FunderAuthority, r.Key),
            FunderOrganisationId = f.FunderOrganisation is null ? null : lookups.Organisation(f.FunderOrganisation, r.Key),
            Amount = f.Amount,
            CurrencyCode = f.Currency,
            WaterLawAmount = f.WaterLawAmount,
            Year = f.Year,
            Note = f.Note,
            SortOrder = i,
        }).ToList();
        project.Contacts = (r.Contacts ?? []).Select((c, i) => NewContact(c, i, lookups, r.Key)).ToList();
        project.Volunteers = (r.Volunteers ?? []).Select(v => new Volunteer
        {
            LastName = v.LastName, FirstName = v.FirstName, Mission = v.Mission, FieldOfAction = v.FieldOfAction, HostEntity = v.HostEntity,
        }).ToList();
        return project;
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static Contact NewContact(DemoContact c, int order, Lookups? lookups, string owner = "") => new()
    {
        LastName = c.LastName,
        FirstName = c.FirstName,
        Function = c.Function,
        Email = c.Email,
        Phone = c.Phone,
        Role = c.Role is null ? ContactRole.Other : ParseCode<ContactRole>(c.Role, owner),
        LocalAuthorityId = c.Authority is null || lookups is null ? null : lookups.Authority(c.Authority, owner),
        OrganisationId = c.Organisation is null || lookups is null ? null : lookups.Organisation(c.Organisation, owner),
        SortOrder = order,
    };

    private static TEnum ParseCode<TEnum>(string code, string owner) where TEnum : struct, Enum =>
        EnumCode<TEnum>.TryParse(code, out var value) ? value : throw new InvalidDataException($"{owner}: unknown {typeof(TEnum).Name} '{code}'.");

    private static string Require(string? value, string owner, string field) =>
        value ?? throw new InvalidDataException($"{owner}: {field} is missing.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference and demo data loaded: {Result}")]
    private static partial void LogLoaded(ILogger logger, DemoLoadResult result);
}
