using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// A person's browser, as far as forms go: keeps its cookies (over https, so that Secure cookies travel), follows
/// redirects, and submits a page's forms with their hidden fields (the antiforgery token among them), the values a
/// person would leave and the ones the test types.
/// <code>
/// using var browser = new BrowserSession(app);
/// var page = await browser.GetAsync("/compte/connexion");
/// page = await browser.SubmitAsync(page, fields: new() { ["Email"] = email, ["Password"] = password });
/// </code>
/// </summary>
public sealed class BrowserSession : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public static readonly Uri Origin = new("https://localhost");

    public BrowserSession(WebApplicationFactory<Program> app)
    {
        Client = app.CreateDefaultClient(Origin, new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; }

    public Task<BrowserPage> GetAsync(string url, bool followRedirects = true) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), followRedirects);

    /// <summary>A POST of exactly these fields, as a form would send them (no token added).</summary>
    public Task<BrowserPage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, bool followRedirects = true) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) }, followRedirects);

    /// <summary>
    /// Submits a form of the page: the first POST form, or the one <paramref name="form"/> selects. <paramref name="fields"/>
    /// sets values (null removes a field); <paramref name="submitter"/> selects the button pressed (its name, value and
    /// formaction count). <paramref name="withAntiforgery"/>: false leaves the antiforgery token out.
    /// </summary>
    public Task<BrowserPage> SubmitAsync(BrowserPage page, Dictionary<string, string?>? fields = null, string? form = null,
        string? submitter = null, bool withAntiforgery = true, bool followRedirects = true)
    {
        var element = page.Form(form);
        var button = submitter is null ? null : element.QuerySelector(submitter) ?? page.Document.QuerySelector(submitter)
            ?? throw new Xunit.Sdk.XunitException($"No button '{submitter}' in the form.");
        var values = FormValues(element, button);
        foreach (var (name, value) in fields ?? [])
        {
            values.RemoveAll(v => v.Key == name);
            if (value is not null) values.Add(new(name, value));
        }
        if (!withAntiforgery) values.RemoveAll(v => v.Key == AntiforgeryField);

        var action = button?.GetAttribute("formaction") ?? element.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        var method = (button?.GetAttribute("formmethod") ?? element.GetAttribute("method") ?? "get").ToUpperInvariant();
        if (method == "GET")
        {
            var query = string.Join('&', values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
            return GetAsync(new UriBuilder(target) { Query = query }.Uri.PathAndQuery, followRedirects);
        }
        return PostAsync(target.PathAndQuery, values, followRedirects);
    }

    /// <summary>What the form would send as it stands, pressing <paramref name="button"/> (or no button).</summary>
    public static List<KeyValuePair<string, string>> FormValues(IElement form, IElement? button = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var field in ((IHtmlFormElement)form).Elements)
        {
            var name = field.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || field.HasAttribute("disabled")) continue;
            switch (field)
            {
                case IHtmlButtonElement or IHtmlInputElement { Type: "submit" or "image" or "reset" or "button" }:
                    if (field == button) values.Add(new(name, field.GetAttribute("value") ?? ""));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" } check:
                    if (check.HasAttribute("checked")) values.Add(new(name, check.GetAttribute("value") ?? "on"));
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.Cast<IHtmlOptionElement>().ToList();
                    var chosen = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && options.Count > 0) chosen.Add(options[0]);
                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent)));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.TextContent));
                    break;
            }
        }
        return values;
    }

    private async Task<BrowserPage> SendAsync(HttpRequestMessage request, bool followRedirects)
    {
        var redirects = new List<Uri>();
        var setCookies = new List<string>();
        while (true)
        {
            using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies)) setCookies.AddRange(cookies);
            var url = new Uri(Origin, request.RequestUri!);
            request.Dispose();
            if (followRedirects && (int)response.StatusCode is 301 or 302 or 303 && response.Headers.Location is { } location)
            {
                if (redirects.Count > 10) throw new Xunit.Sdk.XunitException("Too many redirects: " + string.Join(" → ", redirects));
                var next = new Uri(url, location);
                redirects.Add(next);
                request = new HttpRequestMessage(HttpMethod.Get, next.PathAndQuery);
                continue;
            }
            return await BrowserPage.ReadAsync(response, url, redirects, setCookies);
        }
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>An answer as the browser got it: status, the address it ended at, headers, and the HTML document.</summary>
public sealed class BrowserPage
{
    private BrowserPage(HttpStatusCode status, Uri url, IReadOnlyList<Uri> redirects, Uri? location, string html, IDocument document,
        IReadOnlyList<string> setCookies, IReadOnlyDictionary<string, string> headers)
    {
        Headers = headers;
        SetCookies = setCookies;
        Status = status;
        Url = url;
        Redirects = redirects;
        Location = location;
        Html = html;
        Document = document;
    }

    public HttpStatusCode Status { get; }
    /// <summary>The address of this answer (after the redirects followed).</summary>
    public Uri Url { get; }
    public string Path => Url.AbsolutePath;
    public IReadOnlyList<Uri> Redirects { get; }
    /// <summary>The Location header, when the redirect was not followed.</summary>
    public Uri? Location { get; }
    /// <summary>Every Set-Cookie header of the answers on the way here.</summary>
    public IReadOnlyList<string> SetCookies { get; }
    /// <summary>This answer's response headers (not its content's), values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
    public string Html { get; }
    public IDocument Document { get; }

    public static async Task<BrowserPage> ReadAsync(HttpResponseMessage response, Uri url, IReadOnlyList<Uri> redirects, IReadOnlyList<string> setCookies)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(url.ToString()), TestContext.Current.CancellationToken);
        var location = response.Headers.Location is { } l ? new Uri(url, l) : null;
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new BrowserPage(response.StatusCode, url, redirects, location, html, document, setCookies, headers);
    }

    public IElement Form(string? selector = null) =>
        Document.QuerySelector(selector ?? "main form[method=post]")
        ?? throw new Xunit.Sdk.XunitException($"No form '{selector ?? "main form[method=post]"}' on {Url}: {Html[..Math.Min(Html.Length, 2000)]}");

    public IElement? TestIdOrNull(string id) => Document.QuerySelector($"[data-testid='{id}']");

    public IElement TestId(string id) =>
        TestIdOrNull(id) ?? throw new Xunit.Sdk.XunitException($"No element with data-testid='{id}' on {Url}.");

    /// <summary>The text of an element, spaces normalised.</summary>
    public string Text(string testId) =>
        System.Text.RegularExpressions.Regex.Replace(TestId(testId).TextContent.Replace('\u00a0', ' '), @"\s+", " ").Trim();

    /// <summary>The error shown beside a field (data-testid="field-error-{name}"), or null.</summary>
    public string? FieldError(string name) => TestIdOrNull("field-error-" + name)?.TextContent.Trim();

    /// <summary>The value a field shows.</summary>
    public string? Value(string name) => Document.QuerySelector($"[name='{name}']")?.GetAttribute("value");
}
