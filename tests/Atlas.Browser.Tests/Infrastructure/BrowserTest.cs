using Microsoft.Playwright;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>What every browser test class shares: a headless Chromium launched for the class's tests and closed after them.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private IPlaywright? _playwright;

    protected IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }
}
