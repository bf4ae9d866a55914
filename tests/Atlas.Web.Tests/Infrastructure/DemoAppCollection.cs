namespace Atlas.Web.Tests.Infrastructure;

/// <summary>Read-only tests share one app on one copy of the demo database.</summary>
[CollectionDefinition(Name)]
public sealed class DemoAppCollection : ICollectionFixture<DemoAppFixture>
{
    public const string Name = "demo app";
}
