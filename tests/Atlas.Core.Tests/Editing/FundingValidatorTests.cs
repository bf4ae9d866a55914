using Atlas.Core.Editing;
using Atlas.Core.Fundings;

namespace Atlas.Core.Tests.Editing;

public sealed class FundingValidatorTests
{
    private static readonly FundingValidator Validator = new(ProjectValidatorTests.Reference, ProjectValidatorTests.Known);

    private static FundingValues Valid() => new() { FunderAuthorityId = 10, Amount = 5000m, CurrencyCode = "MAD", WaterLawAmount = 5000m, Year = 2008 };

    private static (string Field, string Code, string Message) SingleError(FundingValues values)
    {
        var error = Assert.Single(Validator.Validate(values).Errors);
        return (error.PropertyName, error.ErrorCode, error.ErrorMessage);
    }

    [Fact]
    public void A_line_paid_by_an_existing_funder_in_a_known_currency_is_valid()
    {
        Assert.True(Validator.Validate(Valid()).IsValid);
        Assert.True(Validator.Validate(new FundingValues { FunderOrganisationId = 20, Amount = 0m, CurrencyCode = "EUR" }).IsValid);
    }

    [Fact]
    public void The_amount_is_required_and_not_negative()
    {
        var values = Valid();
        values.Amount = null;
        values.WaterLawAmount = null;
        Assert.Equal(("Amount", "amount_required", "Indiquez le montant."), SingleError(values));
        values.Amount = -0.01m;
        Assert.Equal(("Amount", "amount_negative", "Un montant ne peut être négatif."), SingleError(values));
        values.Amount = 1.005m;
        Assert.Equal("amount_precision", SingleError(values).Code);
    }

    [Theory]
    [InlineData(null, "currency_required")]
    [InlineData("", "currency_required")]
    [InlineData("DHS", "unknown_currency")]
    [InlineData("mad", "unknown_currency")]
    public void The_currency_is_a_known_iso_4217_code(string? currency, string code)
    {
        var values = Valid();
        values.CurrencyCode = currency;
        var error = SingleError(values);
        Assert.Equal(("CurrencyCode", code), (error.Field, error.Code));
        if (code == "unknown_currency") Assert.StartsWith("Cette monnaie n'existe pas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_water_law_part_is_within_the_amount()
    {
        var values = Valid();
        values.WaterLawAmount = 5000.01m;
        Assert.Equal(("WaterLawAmount", "water_law_amount_exceeds_amount", "La part « 1 % eau » ne peut dépasser le montant."), SingleError(values));
        values.WaterLawAmount = -1m;
        Assert.Equal(("WaterLawAmount", "amount_negative", "Un montant ne peut être négatif."), SingleError(values));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void The_year_is_sane(int year)
    {
        var values = Valid();
        values.Year = year;
        Assert.Equal(("Year", "year_out_of_range"), (SingleError(values).Field, SingleError(values).Code));
    }

    [Fact]
    public void Exactly_one_existing_funder()
    {
        var values = Valid();
        values.FunderAuthorityId = null;
        Assert.Equal(("FunderAuthorityId", "funder_required"), (SingleError(values).Field, SingleError(values).Code));

        values = Valid();
        values.FunderOrganisationId = 20;
        Assert.Equal(("FunderAuthorityId", "funder_ambiguous"), (SingleError(values).Field, SingleError(values).Code));

        values = Valid();
        values.FunderAuthorityId = 11;
        Assert.Equal(("FunderAuthorityId", "unknown_funder_authority", "Cette collectivité n'existe pas."), SingleError(values));

        values = Valid();
        values.FunderAuthorityId = null;
        values.FunderOrganisationId = 21;
        Assert.Equal(("FunderOrganisationId", "unknown_funder_organisation", "Cet organisme n'existe pas."), SingleError(values));
    }

    [Fact]
    public void English_texts_name_the_rule() =>
        Assert.Equal("The part under the 1 % water law must not exceed the amount.", EditingRules.English("water_law_amount_exceeds_amount"));
}
