using Atlas.Core.Data.Seeding;

namespace Atlas.Core.Tests.Data;

public sealed class EmbeddedDataTests
{
    [Fact]
    public void Csv_fields_may_hold_quoted_commas_quotes_and_newlines()
    {
        var rows = EmbeddedData.ParseCsv("code,name\nCI,\"Côte d'Ivoire, la\"\nXX,\"a \"\"quoted\"\"\nline\"\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["CI", "Côte d'Ivoire, la"], rows[1]);
        Assert.Equal(["XX", "a \"quoted\"\nline"], rows[2]);
    }

    [Fact]
    public void Reference_data_covers_every_country_region_and_departement()
    {
        var countries = EmbeddedData.ReadCsv("Atlas.Reference.countries.csv");
        Assert.True(countries.Count >= 249);
        Assert.Contains(countries, c => c["code"] == "MA" && c["name_fr"] == "Maroc");
        Assert.Contains(countries, c => c["code"] == "LB" && c["name_fr"] == "Liban");
        Assert.Equal(18, EmbeddedData.ReadCsv("Atlas.Reference.regions.csv").Count);
        var departements = EmbeddedData.ReadCsv("Atlas.Reference.departements.csv");
        Assert.Equal(101, departements.Count);
        Assert.Contains(departements, d => d["code"] == "2A" && d["name"] == "Corse-du-Sud");
        Assert.Contains(EmbeddedData.ReadCsv("Atlas.Reference.currencies.csv"), c => c["code"] == "MAD");
    }
}
