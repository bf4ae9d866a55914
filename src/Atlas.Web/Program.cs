var builder = WebApplication.CreateBuilder(args);
builder.AddTransportSecurity();
builder.AddAtlasLogging();
// Before the services, which need its connection string: the configured database, or a private PostgreSQL started now.
using var startup = await AtlasStartup.FindDatabaseAsync(builder.Configuration);
builder.AddAtlasPortal(startup);
builder.AddAtlasTelemetry();

var app = builder.Build();
await app.PrepareAtlasAsync(startup);
app.UseAtlasPipeline();
app.MapAtlasEndpoints();

await app.RunAsync();

/// <summary>The web host; public so that tests reach it through WebApplicationFactory.</summary>
public partial class Program;
