using Atlas.Core.AccountRequests;
using Atlas.Core.Data.Infrastructure;
using Atlas.Core.Editing.Review;
using Atlas.Core.Freshness;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Atlas.Core.Data;

public sealed class AtlasDbContext(DbContextOptions<AtlasDbContext> options)
    : IdentityDbContext<AtlasUser, IdentityRole<int>, int>(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Currency> Currencies => Set<Currency>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<LocalAuthority> LocalAuthorities => Set<LocalAuthority>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipAuthority> PartnershipAuthorities => Set<PartnershipAuthority>();
    public DbSet<PartnershipTheme> PartnershipThemes => Set<PartnershipTheme>();
    public DbSet<PartnershipSearchEntry> PartnershipSearch => Set<PartnershipSearchEntry>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectTheme> ProjectThemes => Set<ProjectTheme>();
    public DbSet<ProjectParticipant> ProjectParticipants => Set<ProjectParticipant>();
    public DbSet<Funding> Fundings => Set<Funding>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<DiplomaticPost> DiplomaticPosts => Set<DiplomaticPost>();
    public DbSet<DiplomaticPostCountry> DiplomaticPostCountries => Set<DiplomaticPostCountry>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<ApiRateWindow> ApiRateWindows => Set<ApiRateWindow>();
    public DbSet<AggregateSnapshot> AggregateSnapshots => Set<AggregateSnapshot>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<PendingChange> PendingChanges => Set<PendingChange>();
    public DbSet<AccountRequest> AccountRequests => Set<AccountRequest>();
    public DbSet<SyntheticDataset> SyntheticDatasets => Set<SyntheticDataset>();
    public DbSet<FreshnessReminder> FreshnessReminders => Set<FreshnessReminder>();

    /// <summary>
    /// Who the saves made through this context are by: the author <see cref="ChangeRecorder"/> puts in the history (null: nobody,
    /// and nothing is recorded). Set for the length of a write by <see cref="WriteAs"/>; the context is pooled, and the
    /// interceptor a singleton, so the author travels with the context rather than with a request's scope.
    /// </summary>
    public Editor? Author { get; private set; }

    /// <summary>
    /// Settings sent with each query this context runs (<see cref="Data.StatementSettings"/>), for the length of a search
    /// (<see cref="CustomPlans"/>); empty otherwise. Carried by the context, pooled like <see cref="Author"/>.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> StatementSettings { get; internal set; } = [];

    /// <summary>Makes <paramref name="editor"/> the author of what this context saves until the result is disposed.</summary>
    public IDisposable WriteAs(Editor? editor)
    {
        var previous = Author;
        Author = editor;
        return new AuthorScope(this, previous);
    }

    // A save of projects or of what their search documents are made of refreshes those documents in its own transaction, so
    // that no writer can leave the search stale (they once did by hand at 7 call sites); a save of the atlas's records keeps
    // the stored counts in the same transaction (CountUpkeep).
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        var upkeep = ProjectSearchUpkeep.Collect(ChangeTracker);
        var partnershipUpkeep = PartnershipSearchUpkeep.Collect(ChangeTracker);
        var counts = CountUpkeep.Collect(ChangeTracker);
        if (upkeep is null && partnershipUpkeep is null && counts is null)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        if (counts is not null) await counts.BeforeAsync(this, cancellationToken).ConfigureAwait(false);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        if (upkeep is not null) await upkeep.RefreshAsync(this, cancellationToken).ConfigureAwait(false);
        if (partnershipUpkeep is not null) await partnershipUpkeep.RefreshAsync(this, cancellationToken).ConfigureAwait(false);
        if (counts is not null) await counts.AfterAsync(this, cancellationToken).ConfigureAwait(false);
        if (own is not null) await own.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        var upkeep = ProjectSearchUpkeep.Collect(ChangeTracker);
        var partnershipUpkeep = PartnershipSearchUpkeep.Collect(ChangeTracker);
        if (upkeep is null && partnershipUpkeep is null) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        upkeep?.Refresh(this);
        partnershipUpkeep?.Refresh(this);
        own?.Commit();
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Every entity's configuration, by name (not found by scanning the assembly), slice by slice.
        var identityTables = new IdentityTablesConfiguration();
        modelBuilder.ApplyConfiguration(new AtlasUserConfiguration());
        modelBuilder.ApplyConfiguration<IdentityRole<int>>(identityTables);
        modelBuilder.ApplyConfiguration<IdentityUserClaim<int>>(identityTables);
        modelBuilder.ApplyConfiguration<IdentityUserLogin<int>>(identityTables);
        modelBuilder.ApplyConfiguration<IdentityUserRole<int>>(identityTables);
        modelBuilder.ApplyConfiguration<IdentityUserToken<int>>(identityTables);
        modelBuilder.ApplyConfiguration<IdentityRoleClaim<int>>(identityTables);
        modelBuilder.ApplyConfiguration(new ApiTokenConfiguration());
        modelBuilder.ApplyConfiguration(new CountryConfiguration());
        modelBuilder.ApplyConfiguration(new CurrencyConfiguration());
        modelBuilder.ApplyConfiguration(new RegionConfiguration());
        modelBuilder.ApplyConfiguration(new DepartmentConfiguration());
        modelBuilder.ApplyConfiguration(new ThemeConfiguration());
        modelBuilder.ApplyConfiguration(new LocalAuthorityConfiguration());
        modelBuilder.ApplyConfiguration(new OrganisationConfiguration());
        modelBuilder.ApplyConfiguration(new DiplomaticPostConfiguration());
        modelBuilder.ApplyConfiguration(new DiplomaticPostCountryConfiguration());
        modelBuilder.ApplyConfiguration(new ContactConfiguration());
        modelBuilder.ApplyConfiguration(new PartnershipConfiguration());
        modelBuilder.ApplyConfiguration(new PartnershipAuthorityConfiguration());
        modelBuilder.ApplyConfiguration(new PartnershipThemeConfiguration());
        modelBuilder.ApplyConfiguration(new PartnershipSearchEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.ApplyConfiguration(new ProjectThemeConfiguration());
        modelBuilder.ApplyConfiguration(new ProjectParticipantConfiguration());
        modelBuilder.ApplyConfiguration(new VolunteerConfiguration());
        modelBuilder.ApplyConfiguration(new FundingConfiguration());
        modelBuilder.ApplyConfiguration(new ChangeRecordConfiguration());
        modelBuilder.ApplyConfiguration(new PendingChangeConfiguration());
        modelBuilder.ApplyConfiguration(new AccountRequestConfiguration());
        modelBuilder.ApplyConfiguration(new DataVersionConfiguration());
        modelBuilder.ApplyConfiguration(new ApiRateWindowConfiguration());
        modelBuilder.ApplyConfiguration(new AggregateSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new SyntheticDatasetConfiguration());
        modelBuilder.ApplyConfiguration(new FreshnessReminderConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        SoftDeleteConfiguration.Apply(modelBuilder);
        modelBuilder.HasDbFunction(typeof(AtlasDbFunctions).GetMethod(nameof(AtlasDbFunctions.Unaccent))!).HasName("atlas_unaccent");
        modelBuilder.HasDbFunction(typeof(AtlasDbFunctions).GetMethod(nameof(AtlasDbFunctions.AuthorityNames))!).HasName("atlas_authority_names");
    }

    /// <summary>
    /// The one way the context meets PostgreSQL, wherever it is built (the app's pool, tests, the generator): Npgsql, and
    /// snake_case for every table, column, key and index, and for the columns of raw SQL read into unmapped types.
    /// </summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(Data.StatementSettings.Instance);

    /// <summary>A context of its own on <paramref name="connectionString"/>, outside any pool (tools, tests).</summary>
    public static AtlasDbContext Open(string connectionString) =>
        new((DbContextOptions<AtlasDbContext>)UsePostgres(new DbContextOptionsBuilder<AtlasDbContext>(), connectionString).Options);

    private sealed class AuthorScope(AtlasDbContext db, Editor? previous) : IDisposable
    {
        public void Dispose() => db.Author = previous;
    }

    /// <summary>Every enum is stored as its code (<see cref="EnumCode{TEnum}"/>), whichever table holds it.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AuthorityKind>().HaveConversion<EnumCodeConverter<AuthorityKind>>().HaveMaxLength(40);
        configurationBuilder.Properties<OrganisationKind>().HaveConversion<EnumCodeConverter<OrganisationKind>>().HaveMaxLength(40);
        configurationBuilder.Properties<PartnershipStatus>().HaveConversion<EnumCodeConverter<PartnershipStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<ProjectStatus>().HaveConversion<EnumCodeConverter<ProjectStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<ParticipantRole>().HaveConversion<EnumCodeConverter<ParticipantRole>>().HaveMaxLength(40);
        configurationBuilder.Properties<ContactRole>().HaveConversion<EnumCodeConverter<ContactRole>>().HaveMaxLength(20);
        configurationBuilder.Properties<EditorRole>().HaveConversion<EnumCodeConverter<EditorRole>>().HaveMaxLength(30);
        configurationBuilder.Properties<ChangeAction>().HaveConversion<EnumCodeConverter<ChangeAction>>().HaveMaxLength(20);
        configurationBuilder.Properties<PendingChangeStatus>().HaveConversion<EnumCodeConverter<PendingChangeStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<PendingChangeKind>().HaveConversion<EnumCodeConverter<PendingChangeKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<AccountRequestStatus>().HaveConversion<EnumCodeConverter<AccountRequestStatus>>().HaveMaxLength(20);
    }
}
