using System.Collections.Frozen;
using Atlas.Core.Editing;
using Atlas.Core.Fundings;
using Atlas.Core.Projects;
using Atlas.Core.Reference;

namespace Atlas.Core.Tests.Editing;

public sealed class ProjectValidatorTests
{
    internal static readonly ReferenceCatalog.Snapshot Reference = new()
    {
        Countries = new Dictionary<string, string> { ["MA"] = "Maroc" }.ToFrozenDictionary(),
        Regions = new Dictionary<string, string>().ToFrozenDictionary(),
        Departments = new Dictionary<string, (string, string)>().ToFrozenDictionary(),
        Currencies = new Dictionary<string, string> { ["EUR"] = "euro", ["MAD"] = "dirham marocain" }.ToFrozenDictionary(),
        ThemesById = new Dictionary<int, ThemeNode>
        {
            [1] = new(1, "culture", "Culture", 1, null, 0),
            [2] = new(2, "culture/patrimoine", "Patrimoine", 2, 1, 0),
        }.ToFrozenDictionary(),
        ThemesByKey = new Dictionary<string, ThemeNode> { ["culture"] = new(1, "culture", "Culture", 1, null, 0) }.ToFrozenDictionary(),
        LoadedAt = DateTimeOffset.UnixEpoch,
    };

    internal static readonly KnownRecords Known = new(new HashSet<int> { 10 }, new HashSet<int> { 20 });

    private static readonly ProjectValidator Validator = new(Reference, Known);

    private static ProjectValues Valid() => new()
    {
        Title = "Développement social des quartiers",
        Status = "ongoing",
        StartYear = 2005,
        EndYear = 2009,
        MainThemeId = 1,
        Themes = [new ThemeChoice { ThemeId = 2, Priority = 1 }],
        TotalCostAmount = 120_000m,
        TotalCostCurrency = "EUR",
        Fundings = [new FundingValues { FunderAuthorityId = 10, Amount = 5000m, CurrencyCode = "EUR", WaterLawAmount = 1000m, Year = 2006 }],
    };

    private static FluentValidation.Results.ValidationFailure SingleError(ProjectValues values) => Assert.Single(Validator.Validate(values).Errors);

    [Fact]
    public void A_complete_project_is_valid() => Assert.True(Validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void The_title_is_required(string? title)
    {
        var values = Valid();
        values.Title = title;
        var error = SingleError(values);
        Assert.Equal(("Title", "title_required", "Indiquez le titre du projet."), (error.PropertyName, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void The_title_has_at_most_500_characters()
    {
        var values = Valid();
        values.Title = new string('a', 500);
        Assert.True(Validator.Validate(values).IsValid);
        values.Title = new string('a', 501);
        var error = SingleError(values);
        Assert.Equal(("Title", "too_long"), (error.PropertyName, error.ErrorCode));
        Assert.Equal("Ce texte ne peut dépasser 500 caractères.", error.ErrorMessage);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2101)]
    public void Years_stay_between_1900_and_2100(int year)
    {
        var values = Valid();
        values.FirstSignatureYear = year;
        var error = SingleError(values);
        Assert.Equal(("FirstSignatureYear", "year_out_of_range"), (error.PropertyName, error.ErrorCode));
        Assert.Equal("L'année doit être comprise entre 1900 et 2100.", error.ErrorMessage);
    }

    [Fact]
    public void The_end_comes_after_the_start()
    {
        var values = Valid();
        values.EndYear = 2004;
        var error = SingleError(values);
        Assert.Equal(("EndYear", "end_before_start"), (error.PropertyName, error.ErrorCode));

        values = Valid();
        values.StartDate = new DateOnly(2005, 6, 1);
        values.EndYear = 2005;
        values.EndDate = new DateOnly(2005, 5, 31);
        error = SingleError(values);
        Assert.Equal(("EndDate", "end_date_before_start_date"), (error.PropertyName, error.ErrorCode));
    }

    [Fact]
    public void A_date_falls_in_its_year()
    {
        var values = Valid();
        values.StartDate = new DateOnly(2006, 1, 1);
        var error = SingleError(values);
        Assert.Equal(("StartDate", "date_not_in_year"), (error.PropertyName, error.ErrorCode));
    }

    [Theory]
    [InlineData(null, "status_required")]
    [InlineData("finished", "unknown_status")]
    public void The_status_is_a_known_code(string? status, string code)
    {
        var values = Valid();
        values.Status = status;
        var error = SingleError(values);
        Assert.Equal(("Status", code), (error.PropertyName, error.ErrorCode));
    }

    [Fact]
    public void Themes_exist_once_each_with_a_priority_up_to_99()
    {
        var values = Valid();
        values.MainThemeId = 99;
        Assert.Equal(("MainThemeId", "unknown_theme"), (SingleError(values).PropertyName, SingleError(values).ErrorCode));

        values = Valid();
        values.Themes[0].Priority = 100;
        var error = SingleError(values);
        Assert.Equal(("Themes[0].Priority", "priority_out_of_range"), (error.PropertyName, error.ErrorCode));
        Assert.Equal("La priorité est comprise entre 1 et 99.", error.ErrorMessage);

        values = Valid();
        values.Themes.Add(new ThemeChoice { ThemeId = 1 });
        Assert.Equal("duplicate_theme", SingleError(values).ErrorCode);
    }

    [Fact]
    public void A_total_cost_has_an_amount_and_a_known_currency()
    {
        var values = Valid();
        values.TotalCostCurrency = null;
        Assert.Equal(("TotalCostCurrency", "total_cost_incomplete"), (SingleError(values).PropertyName, SingleError(values).ErrorCode));

        values = Valid();
        values.TotalCostCurrency = "XYZ";
        Assert.Equal(("TotalCostCurrency", "unknown_currency"), (SingleError(values).PropertyName, SingleError(values).ErrorCode));
    }

    [Fact]
    public void Funding_lines_are_checked_under_their_index()
    {
        var values = Valid();
        values.Fundings.Add(new FundingValues { FunderOrganisationId = 20, Amount = -1m, CurrencyCode = "MAD" });
        var error = SingleError(values);
        Assert.Equal(("Fundings[1].Amount", "amount_negative", "Un montant ne peut être négatif."), (error.PropertyName, error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void A_funding_line_is_listed_once()
    {
        var values = Valid();
        values.Fundings = [
            new FundingValues { Id = 5, FunderAuthorityId = 10, Amount = 1m, CurrencyCode = "EUR" },
            new FundingValues { Id = 5, FunderAuthorityId = 10, Amount = 2m, CurrencyCode = "EUR" }];
        Assert.Equal(("Fundings", "duplicate_funding"), (SingleError(values).PropertyName, SingleError(values).ErrorCode));
    }

    [Fact]
    public void Every_error_code_has_an_english_text()
    {
        var values = new ProjectValues
        {
            Title = new string('a', 600), Status = "x", FirstSignatureYear = 1000, StartYear = 2010, EndYear = 2000,
            StartDate = new DateOnly(2011, 1, 1), EndDate = new DateOnly(2001, 1, 1), Form = new string('f', 400),
            TotalCostAmount = -5m, MainThemeId = 42, Themes = [new ThemeChoice { ThemeId = 43, Priority = 0 }],
            Fundings = [new FundingValues { FunderAuthorityId = 1, FunderOrganisationId = 2, Amount = 1.234m, CurrencyCode = "zzz", WaterLawAmount = 9m, Year = 3000 }],
        };
        var result = Validator.Validate(values);
        Assert.True(result.Errors.Count >= 15);
        Assert.All(result.Errors, e => Assert.NotEqual(e.ErrorCode, EditingRules.English(e.ErrorCode)));

        // Every rule, those of the funding, participant, contact and volunteer lines included, not only those this input breaks.
        var codes = ValidatorCodes.Of(Validator);
        Assert.Superset(result.Errors.Select(e => e.ErrorCode).ToHashSet(), codes.ToHashSet());
        var untranslated = codes.Where(code => EditingRules.English(code) == code).ToList();
        Assert.Empty(untranslated);
    }
}
