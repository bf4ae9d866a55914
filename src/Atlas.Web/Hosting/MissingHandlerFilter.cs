using Microsoft.AspNetCore.Mvc.Filters;

namespace Atlas.Web.Hosting;

/// <summary>
/// A page whose handlers for a method are all named (?handler=approve) answers 400 to a request of that method naming none,
/// instead of rendering without a handler (see <see cref="PageMethods"/> for the methods a page has no handler for at all).
/// </summary>
internal sealed class MissingHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0) context.Result = new BadRequestResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
