using Microsoft.Playwright;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>Screenshots of the browser tests, in TestResults/screenshots beside the test assembly, emptied once per run.</summary>
public static class Screenshots
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private static readonly Lazy<string> Emptied = new(() =>
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        System.IO.Directory.CreateDirectory(Directory);
        return Directory;
    });

    /// <summary>Adds lines to a text report kept beside the screenshots (e.g. axe-results.txt).</summary>
    public static void Append(string fileName, string text) => File.AppendAllText(Path.Combine(Emptied.Value, fileName), text + Environment.NewLine);

    /// <summary>Saves the page as {name}-{width}px.png.</summary>
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new() { Path = Path.Combine(Emptied.Value, $"{name}-{width}px.png"), FullPage = fullPage });
    }
}
