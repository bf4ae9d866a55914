using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Atlas.Web.Hosting;

/// <summary>
/// A page's endpoint accepts only the methods it has handlers for (GET brings HEAD), so that routing answers anything else
/// (a POST to a read-only page, TRACE, PROPFIND…) with 405 and Allow, before antiforgery or the page run. Without it, Razor
/// Pages rendered a read-only page for a POST without running its handler, and the view failed on the model it never
/// loaded (500). A page with no handler at all (the error page) keeps answering every method.
/// </summary>
internal sealed class PageMethods : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        var methods = model.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        if (methods.Count == 0) return;
        if (methods.Contains(HttpMethods.Get)) methods.Add(HttpMethods.Head);
        model.EndpointMetadata.Add(new HttpMethodMetadata(methods.Order(StringComparer.Ordinal)));
    }
}
