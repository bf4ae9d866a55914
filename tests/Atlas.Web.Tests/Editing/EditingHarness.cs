using Atlas.Core;
using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Core.Mail;
using Atlas.Core.Projects;
using Atlas.Web.Tests.Mail;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>
/// Core's editing services wired as the app wires them (pooled context, history interceptor), on a fresh copy of the demo
/// database, with the records of the scope matrix and one editor per role.
/// </summary>
internal sealed class EditingHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EditingHarness(string connectionString)
    {
        ConnectionString = connectionString;
        var services = new ServiceCollection();
        services.AddLogging();
        // Core reads its options from configuration; no background work here, so stored counts are recomputed when read.
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Atlas:Snapshots:RefreshInBackground"] = "false" }).Build());
        services.AddDbContextPool<AtlasDbContext>((sp, o) => AtlasDbContext.UsePostgres(o, connectionString).AddInterceptors(sp.GetRequiredService<ChangeRecorder>()));
        services.AddAtlasCore();
        // The review's mail, captured; its links start from the tests' public address.
        services.AddSingleton<IOutgoingMail>(Mail);
        services.AddSingleton<IPortalLinks>(new FixedPortalLinks(AtlasApp.PublicBaseUrl));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string ConnectionString { get; }
    /// <summary>What the editing services mailed.</summary>
    public CapturedMail Mail { get; } = new();
    public int RabatPost { get; private set; }
    public int BeirutPost { get; private set; }
    public int Woippy { get; private set; }
    public int Sale { get; private set; }
    public int Tyr { get; private set; }
    /// <summary>A project with a Moroccan partner in which Woippy takes no part.</summary>
    public int MoroccanProject { get; private set; }
    public int TyrProject { get; private set; }
    public int WoippySaleProject { get; private set; }
    public int WoippySalePartnership { get; private set; }
    public int TyrPartnership { get; private set; }
    public Editor Administrator { get; private set; } = null!;
    public Editor RabatCorrespondent { get; private set; } = null!;
    public Editor BeirutCorrespondent { get; private set; } = null!;
    public Editor WoippyEditor { get; private set; } = null!;

    public IEnumerable<Editor> Editors => [Administrator, RabatCorrespondent, BeirutCorrespondent, WoippyEditor];

    public static async Task<EditingHarness> StartAsync(TestDatabase database)
    {
        var harness = new EditingHarness(await database.CreateDemoDatabaseAsync());
        await harness.LoadAsync();
        return harness;
    }

    private async Task LoadAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TestDatabase.CreateContext(ConnectionString);
        RabatPost = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-rabat").Select(p => p.Id).SingleAsync(ct);
        BeirutPost = await db.DiplomaticPosts.Where(p => p.Key == "ambassade-beyrouth").Select(p => p.Id).SingleAsync(ct);
        Woippy = await db.LocalAuthorities.Where(a => a.Key == "fr-commune-woippy").Select(a => a.Id).SingleAsync(ct);
        Sale = await db.LocalAuthorities.Where(a => a.Key == "ma-commune-sale").Select(a => a.Id).SingleAsync(ct);
        Tyr = await db.LocalAuthorities.Where(a => a.Key == "lb-union-municipalites-tyr").Select(a => a.Id).SingleAsync(ct);
        WoippySaleProject = await db.Projects.Where(p => p.Key == "woippy--sale--developpement-social-quartiers").Select(p => p.Id).SingleAsync(ct);
        TyrProject = await db.Projects.Where(p => p.Key == "provence-alpes-cote-d-azur--tyr--digitalcoop").Select(p => p.Id).SingleAsync(ct);
        WoippySalePartnership = await db.Partnerships.Where(p => p.Key == "woippy--sale").Select(p => p.Id).SingleAsync(ct);
        TyrPartnership = await db.Partnerships.Where(p => p.Key == "provence-alpes-cote-d-azur--tyr").Select(p => p.Id).SingleAsync(ct);
        var woippy = Woippy;
        MoroccanProject = await db.Projects.Where(p => p.CountryCodes.Contains("MA") && !p.AuthorityIds.Contains(woippy))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);

        Administrator = await AddEditorAsync(db, "Ada Admin", EditorRole.Administrator, null, null);
        RabatCorrespondent = await AddEditorAsync(db, "Rachid Rabat", EditorRole.Correspondent, RabatPost, null);
        BeirutCorrespondent = await AddEditorAsync(db, "Bachir Beyrouth", EditorRole.Correspondent, BeirutPost, null);
        WoippyEditor = await AddEditorAsync(db, "Wanda Woippy", EditorRole.AuthorityEditor, null, Woippy);
    }

    private static async Task<Editor> AddEditorAsync(AtlasDbContext db, string name, EditorRole role, int? post, int? authority)
    {
        var login = name.Replace(' ', '.').ToLowerInvariant();
        var user = new AtlasUser
        {
            UserName = login, NormalizedUserName = login.ToUpperInvariant(), Email = $"{login}@example.org", DisplayName = name,
            Role = role, DiplomaticPostId = post, LocalAuthorityId = authority, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return Editor.Of(user);
    }

    /// <summary>Runs <paramref name="action"/> with the services of one request.</summary>
    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<EditResult> SaveAsync(Editor editor, int projectId, uint version, ProjectValues values) =>
        WithAsync(sp => sp.GetRequiredService<ProjectEditing>().SaveAsync(editor, projectId, version, values, TestContext.Current.CancellationToken));

    /// <summary>The project as an edit form would load it: its values and its version.</summary>
    public async Task<(ProjectValues Values, uint Version)> LoadProjectAsync(int projectId)
    {
        await using var db = TestDatabase.CreateContext(ConnectionString);
        var project = await db.Projects.AsNoTracking().WithEditableLines()
            .SingleAsync(p => p.Id == projectId, TestContext.Current.CancellationToken);
        return (ProjectValues.Of(project), project.Version);
    }

    public async Task<List<ChangeRecord>> HistoryAsync(int projectId) =>
        await WithAsync(sp => sp.GetRequiredService<ChangeHistoryQuery>().OfProjectAsync(projectId, TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

internal static class Rows
{
    /// <summary>Everything stored about a project (its row with its version, its funding lines and themes) and the size of the history, as text to compare.</summary>
    public static async Task<string> SnapshotAsync(string connectionString, int projectId)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand("""
            SELECT concat_ws(E'\n',
                (SELECT row_to_json(p)::text || ' xmin=' || p.xmin FROM projects p WHERE p.id = @id),
                (SELECT json_agg(f ORDER BY f.id)::text FROM fundings f WHERE f.project_id = @id),
                (SELECT json_agg(t ORDER BY t.theme_id)::text FROM project_themes t WHERE t.project_id = @id),
                (SELECT 'history=' || count(*) FROM change_records))
            """, conn);
        cmd.Parameters.AddWithValue("id", projectId);
        return (string)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Everything stored about a partnership (its row with its version, its authorities and themes) and the size of the history.</summary>
    public static Task<string> PartnershipSnapshotAsync(string connectionString, int partnershipId) => QueryAsync(connectionString, """
        SELECT concat_ws(E'\n',
            (SELECT row_to_json(p)::text || ' xmin=' || p.xmin FROM partnerships p WHERE p.id = @id),
            (SELECT json_agg(a ORDER BY a.local_authority_id)::text FROM partnership_authorities a WHERE a.partnership_id = @id),
            (SELECT json_agg(t ORDER BY t.theme_id)::text FROM partnership_themes t WHERE t.partnership_id = @id),
            (SELECT 'history=' || count(*) FROM change_records))
        """, partnershipId);

    /// <summary>An authority's row with its version and the size of the history.</summary>
    public static Task<string> AuthoritySnapshotAsync(string connectionString, int authorityId) => QueryAsync(connectionString, """
        SELECT concat_ws(E'\n',
            (SELECT row_to_json(a)::text || ' xmin=' || a.xmin FROM local_authorities a WHERE a.id = @id),
            (SELECT json_agg(c ORDER BY c.id)::text FROM contacts c WHERE c.local_authority_id = @id),
            (SELECT 'history=' || count(*) FROM change_records))
        """, authorityId);

    private static async Task<string> QueryAsync(string connectionString, string sql, int id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        return (string)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
