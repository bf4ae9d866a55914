using Atlas.Core.Editing;

namespace Atlas.Core.Tests.Editing;

/// <summary>Core reads back the keys its errors are filed under, so that a form never parses them itself.</summary>
public sealed class FieldPathTests
{
    [Theory]
    [InlineData("Title", "Title", null, null)]
    [InlineData("Values.Name", "Values.Name", null, null)]
    [InlineData("Fundings[1].Amount", "Fundings", 1, "Amount")]
    [InlineData("Participants[12].LocalAuthorityId", "Participants", 12, "LocalAuthorityId")]
    [InlineData("AuthorityIds[3]", "AuthorityIds", 3, null)]
    [InlineData("Contacts", "Contacts", null, null)]
    public void A_key_names_its_list_line_and_field(string key, string name, int? index, string? member) =>
        Assert.Equal(new FieldPath(name, index, member), FieldPath.Of(key));

    [Theory]
    [InlineData("Fundings[x].Amount")]
    [InlineData("Fundings[")]
    [InlineData("Fundings[-1].Amount")]
    public void A_key_without_a_line_number_is_a_field_of_its_own(string key) =>
        Assert.Equal(new FieldPath(key, null, null), FieldPath.Of(key));
}
