using System.Collections.Frozen;
using Atlas.Core.Projects;
using Atlas.Core.Reference;

namespace Atlas.Core.Tests.Projects;

public sealed class ProjectFilterValidatorTests
{
    private static readonly ReferenceCatalog.Snapshot Reference = new()
    {
        Countries = new Dictionary<string, string> { ["MA"] = "Maroc", ["LB"] = "Liban" }.ToFrozenDictionary(),
        Regions = new Dictionary<string, string> { ["93"] = "Provence-Alpes-Côte d'Azur" }.ToFrozenDictionary(),
        Departments = new Dictionary<string, (string, string)> { ["13"] = ("Bouches-du-Rhône", "93") }.ToFrozenDictionary(),
        Currencies = new Dictionary<string, string> { ["EUR"] = "euro" }.ToFrozenDictionary(),
        ThemesById = new Dictionary<int, ThemeNode> { [1] = new(1, "culture", "Culture", 1, null, 0) }.ToFrozenDictionary(),
        ThemesByKey = new Dictionary<string, ThemeNode> { ["culture"] = new(1, "culture", "Culture", 1, null, 0) }.ToFrozenDictionary(),
        LoadedAt = DateTimeOffset.UnixEpoch,
    };

    private static readonly ProjectFilterValidator Validator = new(Reference);

    [Fact]
    public void A_filter_of_known_codes_is_valid() =>
        Assert.True(Validator.Validate(new ProjectFilter { Country = "MA", Region = "93", Department = "13", Theme = "culture", YearFrom = 2000, YearTo = 2010 }).IsValid);

    [Theory]
    [InlineData("ZZ")]
    [InlineData("MAR")]
    public void Unknown_countries_are_refused_in_french(string country)
    {
        var result = Validator.Validate(new ProjectFilter { Country = country });
        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(ProjectFilter.Country), error.PropertyName);
        Assert.Equal("unknown_country", error.ErrorCode);
        Assert.StartsWith("Ce pays n'existe pas", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reversed_year_range_is_refused()
    {
        var error = Assert.Single(Validator.Validate(new ProjectFilter { YearFrom = 2010, YearTo = 2000 }).Errors);
        Assert.Equal("year_range_reversed", error.ErrorCode);
    }

    [Fact]
    public void Unknown_region_department_and_theme_are_each_named()
    {
        var result = Validator.Validate(new ProjectFilter { Region = "99", Department = "2C", Theme = "nope" });
        Assert.Equal(["Region", "Department", "Theme"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Every_error_code_has_an_english_text()
    {
        var result = Validator.Validate(new ProjectFilter
        {
            Query = new string('a', 300), Country = "ZZ", Region = "99", Department = "00", Theme = "x", Authority = -1, YearFrom = 1200, YearTo = 3000,
        });
        Assert.Equal(["Query", "Country", "Region", "Department", "Theme", "Authority", "YearFrom", "YearTo"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.NotEqual(e.ErrorCode, ProjectFilterValidator.English(e.ErrorCode)));

        // The reversed range, which this input cannot break along with the years' bounds, and any rule added later.
        var codes = ValidatorCodes.Of(Validator);
        Assert.Contains("year_range_reversed", codes);
        var untranslated = codes.Where(code => ProjectFilterValidator.English(code) == code).ToList();
        Assert.Empty(untranslated);
    }
}
