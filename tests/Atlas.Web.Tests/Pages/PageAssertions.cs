using AngleSharp.Dom;

namespace Atlas.Web.Tests.Pages;

/// <summary>What no public page may ever show: translation keys, raw e-mail addresses, empty tables or headings.</summary>
internal static class PageAssertions
{
    public static void IsClean(IDocument page)
    {
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("???", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pagination.page", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mailto:", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}", page.Body!.TextContent);
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotEmpty(t.QuerySelectorAll("tbody tr")));
        Assert.All(page.QuerySelectorAll("h1, h2, h3"), h => Assert.False(string.IsNullOrWhiteSpace(h.TextContent)));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
    }

    public static IElement TestId(this IDocument page, string id) =>
        page.QuerySelector($"[data-testid='{id}']") ?? throw new Xunit.Sdk.XunitException($"No element with data-testid='{id}'.");

    public static string Text(this IDocument page, string id) => Normalize(page.TestId(id).TextContent);

    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace('\u202f', ' ').Replace('\u00a0', ' '), @"\s+", " ").Trim();
}
