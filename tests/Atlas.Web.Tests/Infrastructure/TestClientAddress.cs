using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Atlas.Web.Tests.Infrastructure;

/// <summary>
/// Gives a test request the client IP address of its <see cref="Header"/>, as a connection from that address would have it:
/// the test server has no network connection. Add it to an app's services as an <c>IStartupFilter</c>.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
