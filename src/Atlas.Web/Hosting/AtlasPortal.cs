using Atlas.Core.AccountRequests;
using Atlas.Core.Freshness;
using Atlas.Core.Paging;

namespace Atlas.Web.Hosting;

/// <summary>The portal's services: the database, Core, the pages, the API, accounts and the operator's identity.</summary>
internal static class AtlasPortal
{
    public const string ShutdownTimeoutSetting = "Atlas:ShutdownTimeoutSeconds";

    public static WebApplicationBuilder AddAtlasPortal(this WebApplicationBuilder builder, AtlasStartup startup)
    {
        var services = builder.Services;
        services.AddAtlasDatabase(startup.ConnectionString, builder.Configuration.GetConnectionString(ReadReplica.ConnectionName));
        services.AddAtlasCore();
        services.AddExactCountLimit(builder.Configuration);
        startup.KeyRingCertificate = services.AddAtlasDataProtection(
            builder.Configuration, builder.Environment, startup.LocalPostgres?.RootDirectory, startup.Logger);

        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // A new project, partnership or post is written in its edit form, at an address of its own.
        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new PageMethods());
            o.Conventions.ConfigureFilter(new MissingHandlerFilter()).ConfigureFilter(new RefusedTextInputFilter())
                .AddPageRoute("/Projets/Modifier", "projets/nouveau")
                // An authority editor's new project, saved as a draft until a reviewer approves it (issue 14).
                .AddPageRoute("/Projets/Modifier", "projets/brouillons/{brouillon:long}")
                .AddPageRoute("/Partenariats/Modifier", "partenariats/nouveau")
                .AddPageRoute("/Partenariats/Modifier", "partenariats/brouillons/{brouillon:long}")
                .AddPageRoute("/Postes/Modifier", "postes/nouveau")
                // One history page for the records that have one (issue 14): its address says which record.
                .AddPageRoute("/Historique", "partenariats/{id:int}/historique")
                .AddPageRoute("/Historique", "collectivites/{id:int}/historique")
                .AddPageRoute("/Historique", "postes/{id:int}/historique");
        });
        // French text is sent as it is (UTF-8), not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAtlasApi();
        services.AddAtlasAccounts(builder.Configuration, builder.Environment);
        services.AddAtlasMail(builder.Configuration);
        // After accounts and mail, which the requests' decisions use (Identity's user manager, the mail, its links).
        services.AddAccountRequests();
        services.AddFreshnessReminders();
        services.AddHostedService<FreshnessReminderSchedule>();
        services.AddOperatorIdentity(builder.Configuration);
        if (builder.Configuration.GetValue(AnonymousOutputCache.Setting, true)) AnonymousOutputCache.AddTo(services);
        services.AddStaticAssetCompression();
        // SIGTERM (systemd, container runtimes): Kestrel stops accepting connections and the host waits this long for the
        // requests in flight before it stops the rest; the process then exits 0.
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue(ShutdownTimeoutSetting, 30)));
        services.AddSingleton<RateLimitCounters>();
        services.AddHostedService(s => s.GetRequiredService<RateLimitCounters>());
        return builder;
    }

    /// <summary>Migrates the database and loads its reference and demo data; stops the private PostgreSQL with the host.</summary>
    public static async Task PrepareAtlasAsync(this WebApplication app, AtlasStartup startup)
    {
        var localPostgres = startup.LocalPostgres;
        // With the host rather than after RunAsync, which a test host never returns from.
        if (localPostgres is not null) app.Lifetime.ApplicationStopped.Register(() => AtlasDatabase.Stop(localPostgres, startup.Logger));

        try
        {
            await AtlasDatabase.PrepareAsync(app.Services, app.Configuration, startup.Logger);
            // Before the host starts (its data-protection service would otherwise make a key of its own, unlocked).
            await app.Services.GetRequiredService<DatabaseXmlRepository>().PrepareKeyRingAsync(
                app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
                removeUnencrypted: startup.KeyRingCertificate is not null, default);
            if (app.Environment.IsDevelopment()) await DemoAccounts.EnsureAsync(app.Services, startup.Logger);
        }
        catch
        {
            if (localPostgres is not null) await localPostgres.DisposeAsync();
            throw;
        }
    }
}
