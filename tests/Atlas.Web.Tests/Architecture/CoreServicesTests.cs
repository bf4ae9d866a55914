using Atlas.Core;
using Atlas.Core.Accounts;
using Atlas.Core.Authorities;
using Atlas.Core.DiplomaticPosts;
using Atlas.Core.Editing;
using Atlas.Core.Editing.Deletion;
using Atlas.Core.Editing.Review;
using Atlas.Core.Figures;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Architecture;

/// <summary>
/// Core's services are registered by name, slice by slice (<see cref="AtlasCoreServices.AddAtlasCore"/>). They used to be
/// found by scanning Core for public classes named …Query, …Search, …List, …Export or …Loader, beside a list of editing
/// services: every one of those still comes out of the app's container, and so will a new one named the same way.
/// </summary>
[Collection(DemoAppCollection.Name)]
public sealed class CoreServicesTests(DemoAppFixture fixture)
{
    private static readonly string[] UseCaseSuffixes = ["Query", "Search", "List", "Export", "Loader"];

    /// <summary>What Core and the web host registered by name before the slices did.</summary>
    private static readonly Type[] NamedServices =
    [
        typeof(TimeProvider), typeof(ReferenceCatalog), typeof(CountSnapshots), typeof(CountFreshness), typeof(CountSnapshotRefresher),
        typeof(ChangeRecorder), typeof(EditingScope), typeof(ProjectEditing),
        typeof(AuthorityEditing), typeof(AuthorityCreation), typeof(RecordDeletion), typeof(PartnershipEditing),
        typeof(DiplomaticPostEditing), typeof(ProjectSubmission), typeof(ReviewQueue), typeof(ApiTokenStore),
    ];

    [Fact]
    public void Every_public_class_of_Core_named_as_a_use_case_comes_out_of_the_apps_container()
    {
        var useCases = typeof(AtlasCoreServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true, IsGenericTypeDefinition: false })
            .Where(t => UseCaseSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal)))
            .Where(t => t.GetConstructors().Length > 0)
            .ToList();
        // The 31 the scan registered when it was replaced; more is fine, fewer means the filter above no longer finds them.
        Assert.True(useCases.Count >= 31, $"Only {useCases.Count} use cases found: {string.Join(", ", useCases.Select(t => t.Name))}");
        Assert.Empty(Unresolved(useCases));
    }

    [Fact]
    public void Every_service_Core_registered_by_name_before_the_slices_still_comes_out_of_the_apps_container() =>
        Assert.Empty(Unresolved(NamedServices));

    private List<string> Unresolved(IEnumerable<Type> types)
    {
        using var scope = fixture.App.Services.CreateScope();
        return types.Where(t => scope.ServiceProvider.GetService(t) is null).Select(t => t.FullName!).ToList();
    }
}
