using Atlas.Core;
using Atlas.Core.Data;
using Atlas.Core.Data.Hosting;
using Atlas.Core.Editing;
using Atlas.Web.Api;
using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
builder.AddTransportSecurity();

builder.AddAtlasLogging();
using var startupLoggerFactory = AtlasLogging.CreateStartupLoggerFactory(builder.Configuration);
var startupLogger = startupLoggerFactory.CreateLogger("Atlas.Startup");
var (connectionString, localPostgres) = await DatabaseLocation.ResolveAsync(builder.Configuration, startupLogger);

builder.Services.AddAtlasDatabase(connectionString);
builder.Services.AddAtlasCore();
builder.Services.AddSingleton(new Atlas.Core.Paging.ExactCountLimit(
    builder.Configuration.GetValue("Atlas:Search:ExactCountLimit", Atlas.Core.Paging.ExactCountLimit.DefaultRows)));

var keyRingCertificate = builder.Services.AddAtlasDataProtection(builder.Configuration, builder.Environment, localPostgres?.RootDirectory, startupLogger);

builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
// A new project, partnership or post is written in its edit form, at an address of its own.
builder.Services.AddRazorPages(o =>
{
    o.Conventions.Add(new PageMethods());
    o.Conventions.ConfigureFilter(new MissingHandlerFilter()).ConfigureFilter(new RefusedTextInputFilter())
        .AddPageRoute("/Projets/Modifier", "projets/nouveau")
        .AddPageRoute("/Partenariats/Modifier", "partenariats/nouveau")
        .AddPageRoute("/Postes/Modifier", "postes/nouveau");
});
// French text is sent as it is (UTF-8), not as numeric character references.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAtlasApi();
builder.Services.AddAtlasAccounts(builder.Configuration, builder.Environment);
builder.Services.AddOperatorIdentity(builder.Configuration);
var outputCache = builder.Configuration.GetValue(AnonymousOutputCache.Setting, true);
if (outputCache) AnonymousOutputCache.AddTo(builder.Services);
builder.Services.AddStaticAssetCompression();
builder.Services.AddSingleton<RateLimitCounters>();
builder.Services.AddHostedService(services => services.GetRequiredService<RateLimitCounters>());

var app = builder.Build();
// With the host rather than after RunAsync, which a test host never returns from.
if (localPostgres is not null) app.Lifetime.ApplicationStopped.Register(() => AtlasDatabase.Stop(localPostgres, startupLogger));

try
{
    await AtlasDatabase.PrepareAsync(app.Services, app.Configuration, startupLogger);
    if (keyRingCertificate is not null) await app.Services.GetRequiredService<DatabaseXmlRepository>().RemoveUnencryptedKeysAsync(default);
    if (app.Environment.IsDevelopment()) await DemoAccounts.EnsureAsync(app.Services, startupLogger);
}
catch
{
    if (localPostgres is not null) await localPostgres.DisposeAsync();
    throw;
}

app.UseForwardedHeaders();
app.UseAtlasRequestLogging();
app.UseSecurityHeaders();
app.UseTransportSecurity();
app.UseWhen(c => ApiPath.Matches(c.Request.Path), api =>
{
    api.UseMiddleware<ApiHeadRequests>();
    api.UseAtlasApiErrors();
});
app.UseWhen(c => !ApiPath.Matches(c.Request.Path), portal =>
{
    if (!app.Environment.IsDevelopment()) portal.UseExceptionHandler("/erreur");
    portal.UseStatusCodePagesWithReExecute("/erreur/{0}");
});
app.UseMiddleware<TextInputGuard>();
app.UseMiddleware<DatabaseOutageBoundary>();

app.UseStaticAssetCompression();
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssetCompression.SetCacheHeaders });
app.UseRouting();
app.UseWhen(c => ApiPath.Matches(c.Request.Path), api =>
{
    api.UseCors(AtlasApi.CorsPolicy);
    api.UseMiddleware<ApiRateLimiting>();
    api.UseMiddleware<ApiConditionalGet>();
});
app.UseAuthentication();
app.UseAuthorization();
// Whatever a signed-in person's request saves is recorded in the history under their name.
app.Use(async (context, next) =>
{
    using (AmbientEditor.Use(EditorAccessor.From(context.User))) await next(context);
});
if (outputCache) app.UseOutputCache();

// The machine's bare HTTP throughput, the yardstick of the benchmarks.
app.MapGet("/ping", () => "pong").ExcludeFromDescription();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
app.MapAtlasApi();
app.MapOperatorLogo();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The web host; public so that tests reach it through WebApplicationFactory.</summary>
public partial class Program;
