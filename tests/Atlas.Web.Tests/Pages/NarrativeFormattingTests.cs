using System.Text.Encodings.Web;
using Atlas.Web.Pages.Shared;
using Microsoft.AspNetCore.Html;

namespace Atlas.Web.Tests.Pages;

/// <summary>Narrative fields keep paragraphs, lists and links, and nothing typed can run script in a reader's browser.</summary>
public sealed class NarrativeFormattingTests
{
    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void Blank_lines_make_paragraphs_and_dashes_make_lists()
    {
        var html = Render(Format.Paragraphs("First line\nsame paragraph\n\n- one\n- two\nafter"));
        Assert.Equal("<p>First line<br>same paragraph</p><ul><li>one</li><li>two</li></ul><p>after</p>", html);
    }

    [Fact]
    public void Web_addresses_become_links_that_do_not_pass_the_reader_on()
    {
        var html = Render(Format.Paragraphs("See https://example.org/a?b=1&c=2."));
        Assert.Equal("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">https://example.org/a?b=1&amp;c=2</a>.</p>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.org/\"onmouseover=\"alert(1)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Nothing_typed_becomes_markup(string typed)
    {
        var html = Render(Format.Paragraphs(typed));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"onmouseover", html, StringComparison.OrdinalIgnoreCase);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument($"<body>{html}</body>");
        Assert.All(document.Body!.QuerySelectorAll("*"), e => Assert.Contains(e.LocalName, new[] { "p", "br", "ul", "li", "a" }));
        Assert.All(document.Body.QuerySelectorAll("*"), e => Assert.All(e.Attributes, a => Assert.Contains(a.Name, new[] { "href", "rel" })));
    }
}
