using Atlas.Core.Accounts;
using Atlas.Core.Authorities;
using Atlas.Core.Contacts;
using Atlas.Core.Countries;
using Atlas.Core.Data.Infrastructure;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Fundings;
using Atlas.Core.Organisations;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Core.Themes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectTheme> ProjectThemes => Set<ProjectTheme>();
    public DbSet<ProjectParticipant> ProjectParticipants => Set<ProjectParticipant>();
    public DbSet<Funding> Fundings => Set<Funding>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<DiplomaticPost> DiplomaticPosts => Set<DiplomaticPost>();
    public DbSet<DiplomaticPostCountry> DiplomaticPostCountries => Set<DiplomaticPostCountry>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Infrastructure.DataVersion> DataVersions => Set<Infrastructure.DataVersion>();
    public DbSet<Infrastructure.ApiRateWindow> ApiRateWindows => Set<Infrastructure.ApiRateWindow>();
    public DbSet<Infrastructure.AggregateSnapshot> AggregateSnapshots => Set<Infrastructure.AggregateSnapshot>();
    public DbSet<Editing.ChangeRecord> ChangeRecords => Set<Editing.ChangeRecord>();
    public DbSet<Editing.Review.PendingChange> PendingChanges => Set<Editing.Review.PendingChange>();
    public DbSet<Infrastructure.SyntheticDataset> SyntheticDatasets => Set<Infrastructure.SyntheticDataset>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AtlasDbContext).Assembly);
        SoftDeleteConfiguration.Apply(modelBuilder);
        modelBuilder.HasDbFunction(typeof(AtlasDbFunctions).GetMethod(nameof(AtlasDbFunctions.Unaccent))!).HasName("atlas_unaccent");
    }

    /// <summary>
    /// The one way the context meets PostgreSQL, wherever it is built (the app's pool, tests, the generator): Npgsql, and
    /// snake_case for every table, column, key and index, and for the columns of raw SQL read into unmapped types.
    /// </summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    /// <summary>A context of its own on <paramref name="connectionString"/>, outside any pool (tools, tests).</summary>
    public static AtlasDbContext Open(string connectionString) =>
        new((DbContextOptions<AtlasDbContext>)UsePostgres(new DbContextOptionsBuilder<AtlasDbContext>(), connectionString).Options);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AuthorityKind>().HaveConversion<EnumCodeConverter<AuthorityKind>>().HaveMaxLength(40);
        configurationBuilder.Properties<OrganisationKind>().HaveConversion<EnumCodeConverter<OrganisationKind>>().HaveMaxLength(40);
        configurationBuilder.Properties<PartnershipStatus>().HaveConversion<EnumCodeConverter<PartnershipStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<ProjectStatus>().HaveConversion<EnumCodeConverter<ProjectStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<ParticipantRole>().HaveConversion<EnumCodeConverter<ParticipantRole>>().HaveMaxLength(40);
        configurationBuilder.Properties<ContactRole>().HaveConversion<EnumCodeConverter<ContactRole>>().HaveMaxLength(20);
        configurationBuilder.Properties<EditorRole>().HaveConversion<EnumCodeConverter<EditorRole>>().HaveMaxLength(30);
    }
}
