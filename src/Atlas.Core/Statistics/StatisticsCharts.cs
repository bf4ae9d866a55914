namespace Atlas.Core.Statistics;

/// <summary>The charts of /statistiques, built from one <see cref="AtlasStatistics"/>: the page and each CSV read the same query.</summary>
public static class StatisticsCharts
{
    public const int TopCountries = 10;
    public const string NoExchangeRate = "Aucun taux de change enregistré : les montants sont présentés dans leur devise, jamais convertis ni additionnés entre devises.";

    private static readonly StringComparer French = FrenchOrder.Comparer;

    public static IReadOnlyList<StatisticsChart> Of(AtlasStatistics s, ReferenceCatalog.Snapshot reference)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(reference);
        var charts = new List<StatisticsChart>
        {
            new("projets-par-annee", "Projets par année : commencés, en cours, terminés",
                "Chaque année, les projets qui commencent, ceux qui se poursuivent (commencés avant, pas encore terminés) et ceux qui s'achèvent.",
                ChartKind.Columns, "Année",
                [new("commences", "Commencés"), new("en_cours", "En cours"), new("termines", "Terminés")],
                s.Activity.Select(a => new ChartRow(Year(a.Year), Year(a.Year), [a.Started, a.Ongoing, a.Ended])).ToList(),
                "Un projet sans année de fin et pas marqué terminé compte « en cours » jusqu'à la dernière année connue de l'atlas ; les projets sans année de début ne figurent pas ici.",
                "projets"),
            new("partenariats-par-annee", "Partenariats par année de signature",
                "Le nombre de partenariats signés chaque année (l'atlas n'enregistre pas d'année de fin pour les partenariats, seulement leur statut).",
                ChartKind.Columns, "Année", [new("partenariats", "Partenariats signés")],
                s.ByYear.Where(y => y.Key is not null && y.Partnerships > 0)
                    .Select(y => new ChartRow(Year(y.Key!.Value), Year(y.Key.Value), [y.Partnerships])).ToList(),
                s.ByYear.FirstOrDefault(y => y.Key is null) is { Partnerships: > 0 } unknown
                    ? $"{unknown.Partnerships} partenariats sans année de signature connue ne figurent pas sur ce graphique."
                    : null,
                "partenariats"),
            new("thematiques", "Projets et partenariats par thématique",
                "Les thématiques principales ; une thématique compte les projets de ses sous-thématiques.",
                ChartKind.Bars, "Thématique", [new("projets", "Projets"), new("partenariats", "Partenariats")],
                s.ByTheme.Where(t => t.Key.Level == 1).Select(t => new ChartRow(t.Key.Key, t.Key.Name, [t.Projects, t.Partnerships])).ToList()),
            new("pays", "Projets et partenariats par pays partenaire",
                "Tous les pays partenaires, par nombre de projets.",
                ChartKind.Bars, "Pays", [new("projets", "Projets"), new("partenariats", "Partenariats")],
                s.ByCountry.OrderByDescending(c => c.Projects).ThenByDescending(c => c.Partnerships).ThenBy(c => reference.CountryName(c.Key), French)
                    .Select(c => new ChartRow(c.Key, reference.CountryName(c.Key), [c.Projects, c.Partnerships])).ToList()),
            new("principaux-pays", $"Les {TopCountries} premiers pays partenaires",
                $"Les {TopCountries} pays qui comptent le plus de partenariats avec des collectivités françaises.",
                ChartKind.Bars, "Pays", [new("partenariats", "Partenariats"), new("projets", "Projets")],
                s.ByCountry.OrderByDescending(c => c.Partnerships).ThenByDescending(c => c.Projects).ThenBy(c => reference.CountryName(c.Key), French)
                    .Take(TopCountries).Select(c => new ChartRow(c.Key, reference.CountryName(c.Key), [c.Partnerships, c.Projects])).ToList()),
            new("regions", "Projets et partenariats par région française",
                "La région des collectivités françaises engagées (la leur, ou celle de leur département).",
                ChartKind.Bars, "Région", [new("projets", "Projets"), new("partenariats", "Partenariats")],
                s.ByRegion.OrderByDescending(r => r.Projects).ThenBy(r => reference.Regions.GetValueOrDefault(r.Key, r.Key), French)
                    .Select(r => new ChartRow(r.Key, reference.Regions.GetValueOrDefault(r.Key, r.Key), [r.Projects, r.Partnerships])).ToList()),
        };

        foreach (var currency in s.FundingByCurrency.Select(f => f.Currency))
        {
            var name = reference.Currencies.GetValueOrDefault(currency, currency);
            charts.Add(new($"financements-{currency.ToLowerInvariant()}-par-annee", $"Financements en {name} ({currency}) par année",
                $"La somme des lignes de financement en {currency}, par année.",
                ChartKind.Columns, "Année", [new("montant", $"Montant ({currency})")],
                s.FundingByYear.Where(f => f.Currency == currency)
                    .Select(f => new ChartRow(f.Year is { } y ? Year(y) : "", f.Year is { } year ? Year(year) : "Année inconnue", [f.Amount])).ToList(),
                NoExchangeRate, currency));
        }
        charts.Add(new("financements-par-devise", "Lignes de financement par devise",
            "Le nombre de lignes de financement dans chaque devise ; leurs montants figurent, dans leur devise, dans les graphiques par année.",
            ChartKind.Bars, "Devise", [new("lignes", "Lignes de financement")],
            s.FundingByCurrency.Select(f => new ChartRow(f.Currency, $"{reference.Currencies.GetValueOrDefault(f.Currency, f.Currency)} ({f.Currency})", [f.Lines])).ToList(),
            NoExchangeRate, "lignes"));
        return charts;
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
