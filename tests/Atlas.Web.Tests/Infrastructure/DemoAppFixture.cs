namespace Atlas.Web.Tests.Infrastructure;

/// <summary>One running app on the demo data, shared by the read-only test classes of a collection.</summary>
public sealed class DemoAppFixture(TestDatabase database) : IAsyncLifetime
{
    public AtlasApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await AtlasApp.StartAsync(database);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
