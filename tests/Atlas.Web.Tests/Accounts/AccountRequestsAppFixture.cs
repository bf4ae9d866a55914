using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Atlas.Web.Tests.Accounts;

/// <summary>The accounts app on a fake clock, so that a test moves past the account request form's minimum fill time without waiting.</summary>
public sealed class AccountRequestsAppFixture(TestDatabase database) : AccountsAppFixture(database)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override Action<IServiceCollection>? Services => s => s.AddSingleton<TimeProvider>(Clock);
}
