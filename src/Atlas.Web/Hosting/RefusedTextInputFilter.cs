using Microsoft.AspNetCore.Mvc.Filters;

namespace Atlas.Web.Hosting;

/// <summary>
/// Puts each field <see cref="TextInputGuard"/> refused into the page's model state, so that the form shows its French
/// message beside the field and a handler that checks <c>ModelState.IsValid</c> saves nothing.
/// </summary>
internal sealed class RefusedTextInputFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var (field, message) in RefusedTextInput.Of(context.HttpContext).Messages)
            context.ModelState.AddModelError(field, message);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
