using Atlas.Core.Authorities;
using Atlas.Core.Data;
using Atlas.Core.Projects;

namespace Atlas.Core.Tests.Domain;

public sealed class EnumCodeTests
{
    [Theory]
    [InlineData(AuthorityKind.CommuneUrbaine, "commune-urbaine")]
    [InlineData(AuthorityKind.UnionMunicipalites, "union-municipalites")]
    [InlineData(AuthorityKind.Land, "land")]
    public void Codes_are_kebab_case_of_the_member_name(AuthorityKind kind, string code)
    {
        Assert.Equal(code, EnumCode<AuthorityKind>.ToCode(kind));
        Assert.Equal(kind, EnumCode<AuthorityKind>.Parse(code));
    }

    [Fact]
    public void Unknown_codes_are_refused()
    {
        Assert.False(EnumCode<ProjectStatus>.TryParse("finished", out _));
        Assert.False(EnumCode<ProjectStatus>.TryParse(null, out _));
        Assert.Throws<FormatException>(() => EnumCode<ProjectStatus>.Parse("finished"));
    }

    [Fact]
    public void Parsing_ignores_case() => Assert.Equal(ProjectStatus.Ongoing, EnumCode<ProjectStatus>.Parse("ONGOING"));
}
