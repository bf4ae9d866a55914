using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using Atlas.Core.Reference;

namespace Atlas.Core.Tests.Projects;

public sealed class CooperationFilterTests
{
    private static readonly CooperationFilter Shared = new()
    {
        Query = "eau", Country = "MA", Region = "93", Department = "13", Authority = 7, Theme = "developpement-urbain",
    };

    [Fact]
    public void Onto_gives_a_project_filter_the_shared_criteria_and_keeps_its_status_and_years()
    {
        var filter = Shared.Onto(new ProjectFilter { Status = ProjectStatus.Ongoing, YearFrom = 2005, YearTo = 2010, Country = "SN" });

        Assert.Equal(
            new ProjectFilter
            {
                Query = "eau", Country = "MA", Region = "93", Department = "13", Authority = 7, Theme = "developpement-urbain",
                Status = ProjectStatus.Ongoing, YearFrom = 2005, YearTo = 2010,
            },
            filter);
    }

    [Fact]
    public void Onto_gives_a_partnership_filter_the_shared_criteria_and_keeps_its_status_and_signature_years()
    {
        var filter = Shared.Onto(new PartnershipFilter { Status = PartnershipStatus.Suspended, SignedFrom = 1990, SignedTo = 2000 });

        Assert.IsType<PartnershipFilter>(filter);
        Assert.Equal(("eau", "MA", "93", "13", 7, "developpement-urbain"),
            (filter.Query, filter.Country, filter.Region, filter.Department, filter.Authority, filter.Theme));
        Assert.Equal((PartnershipStatus.Suspended, 1990, 2000), (filter.Status, filter.SignedFrom, filter.SignedTo));
    }

    [Fact]
    public void Empty_shared_criteria_clear_the_list_filters_own_copies()
    {
        var filter = new CooperationFilter().Onto(new ProjectFilter { Query = "eau", Status = ProjectStatus.Completed });

        Assert.Equal(new ProjectFilter { Status = ProjectStatus.Completed }, filter);
        Assert.False(filter.IsEmpty);
    }
}
