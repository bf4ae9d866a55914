using System.Text.Json;
using Microsoft.Playwright;

namespace Atlas.Browser.Tests.Infrastructure;

/// <summary>One rule axe-core found broken on a page, with its impact (minor, moderate, serious, critical) and where.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public bool IsBlocking => Impact is "serious" or "critical";

    public override string ToString() => $"{Impact} {Id}: {Help} — {string.Join(" ; ", Targets)}";
}

/// <summary>
/// axe-core (vendored in Axe/, MPL-2.0) run in the page: WCAG 2.1 A and AA rules, on which the RGAA builds. Added to a
/// browser context as an init script, which the DevTools protocol runs outside the page's CSP, so the portal never serves it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Axe", "axe.min.js")));

    private const string Run = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact || 'minor', help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
        }
        """;

    public static Task AddToAsync(IBrowserContext context) => context.AddInitScriptAsync(Source.Value);

    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(Run);
        return json.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
    }
}
