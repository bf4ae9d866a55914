using Atlas.Core.Data;

namespace Atlas.Core.Tests.Data;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("LocalAuthorities", "local_authorities")]
    [InlineData("CountryCode", "country_code")]
    [InlineData("PK_Projects", "pk_projects")]
    [InlineData("FK_Fundings_LocalAuthorities_FunderAuthorityId", "fk_fundings_local_authorities_funder_authority_id")]
    [InlineData("IX_Projects_SearchVector", "ix_projects_search_vector")]
    [InlineData("Code3", "code3")]
    public void Names_become_snake_case(string name, string expected) => Assert.Equal(expected, SnakeCaseNames.ToSnake(name));
}
