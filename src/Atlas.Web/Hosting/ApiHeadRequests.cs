using Microsoft.AspNetCore.Http.Features;

namespace Atlas.Web.Hosting;

/// <summary>
/// The API answers HEAD wherever it answers GET (RFC 9110 §9.3.2): the request runs as the GET it asks about, so the status
/// and headers are the GET's own (ETag, Content-Type, Content-Disposition, rate-limit counters), and the body is dropped.
/// Minimal API endpoints match GET alone, and mapping each one for HEAD too would double the OpenAPI document.
/// </summary>
internal sealed class ApiHeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            // The request log and anything after see the method the client sent.
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    }
}
