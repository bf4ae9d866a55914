using Microsoft.Playwright;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>
/// The system's headless Chromium driven by Playwright: Playwright's own browser download is unreachable here, so it is
/// pointed at the Debian package that scripts/test.sh installs.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    public const string InstallHint =
        "The browser tests need Chromium at " + DefaultPath + ". Install it with `sudo apt-get install -y chromium` " +
        "(scripts/test.sh does it when it can), or set ATLAS_CHROMIUM to another Chromium executable.";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ATLAS_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultPath;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath)) throw new InvalidOperationException(InstallHint);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath, Headless = true, Args = Arguments,
        });
        return (playwright, browser);
    }
}
