using Atlas.Web.Tests.Accounts;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Atlas.Web.Tests.Hardening;

/// <summary>The accounts app logging into <see cref="Logs"/> too, so that a 500 of the fuzz run names the exception behind it.</summary>
public sealed class FuzzAppFixture(TestDatabase database) : AccountsAppFixture(database)
{
    public LogCapture Logs { get; } = new();

    protected override Action<IServiceCollection>? Services => s => s.AddSingleton<ILogEventSink>(Logs);
}
