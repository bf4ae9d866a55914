using Atlas.Core.Authorities;
using Atlas.Core.Contacts;
using Atlas.Core.Data;
using Atlas.Core.Organisations;
using Atlas.Core.Partnerships;
using Atlas.Core.Projects;
using static Atlas.Tools.Synthetic.SyntheticNames;

namespace Atlas.Tools.Synthetic;

/// <summary>
/// The synthetic records themselves, written table by table. Authorities and partnerships are drawn in order from one seeded
/// source and kept in memory (projects point to them); every project's shape and details come from a source seeded by the
/// seed and the project's id, so each table that hangs off projects is written in its own pass and still agrees with the others.
/// </summary>
internal sealed class SyntheticWorld(SyntheticOptions options, SyntheticReference reference, IProgress<SyntheticProgress>? progress)
{
    public sealed record Counts(
        long FrenchAuthorities, long ForeignAuthorities, long Countries, long Organisations, long Partnerships, long Projects,
        long Participants, long Fundings, long ProjectThemes, long Contacts);

    private const string Source = "Données synthétiques";
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(options.Seed);
    private readonly int _french = options.FrenchAuthorities;
    private readonly int _foreign = options.ForeignAuthorities;
    private string[] _authorityNames = [];
    private string[] _foreignPlaces = [];
    private (string Code, string Name)[] _countries = [];
    private int[] _partnershipFrench = [];
    private int[] _partnershipForeign = [];
    private int[] _partnershipExtra = [];
    private int?[] _partnershipYear = [];

    private int Partnerships => options.Partnerships;
    private int Projects => options.Projects;

    public async Task<Counts> WriteAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        ChooseCountries();
        await WriteAuthoritiesAsync(connection, ct).ConfigureAwait(false);
        await WriteOrganisationsAsync(connection, ct).ConfigureAwait(false);
        await WritePartnershipsAsync(connection, ct).ConfigureAwait(false);
        await WritePostsAsync(connection, ct).ConfigureAwait(false);
        await WriteProjectsAsync(connection, ct).ConfigureAwait(false);
        var themes = await WriteProjectThemesAsync(connection, ct).ConfigureAwait(false);
        var participants = await WriteParticipantsAsync(connection, ct).ConfigureAwait(false);
        var fundings = await WriteFundingsAsync(connection, ct).ConfigureAwait(false);
        var contacts = await WriteContactsAsync(connection, ct).ConfigureAwait(false);
        await WriteVolunteersAsync(connection, ct).ConfigureAwait(false);
        return new Counts(_french, _foreign, _countries.Length, options.Organisations, Partnerships, Projects, participants, fundings, themes, contacts);
    }

    /// <summary>The partner countries: the usual leading partners first, then the rest by code; each weighs less than the one before.</summary>
    private void ChooseCountries()
    {
        var byCode = reference.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _countries = LeadingPartnerCountries.Where(byCode.ContainsKey).Select(c => byCode[c])
            .Concat(reference.Countries.Where(c => !LeadingPartnerCountries.Contains(c.Code, StringComparer.Ordinal)))
            .Take(options.Countries).ToArray();
    }

    private int CountryIndex(Random random)
    {
        // Zipf-like: the k-th country is chosen in proportion to 1/(k+2); every country is used at least once below.
        var n = _countries.Length;
        var harmonic = Math.Log((n + 2.0) / 2.0);
        var k = (int)(2 * Math.Exp(random.NextDouble() * harmonic) - 2);
        return Math.Clamp(k, 0, n - 1);
    }

    /// <summary>An index below n skewed towards the small ones: big cities take part in many more partnerships.</summary>
    private static int Skewed(Random random, int n) => Math.Min(n - 1, (int)(n * Math.Pow(random.NextDouble(), 1.8)));

    private static DateTimeOffset UpdatedAt(Random random) => Epoch.AddMinutes(-random.Next(5 * 365 * 24 * 60));

    private async Task WriteAuthoritiesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        _authorityNames = new string[_french + _foreign + 1];
        _foreignPlaces = new string[_foreign];
        await using var copy = await SyntheticCopy.StartAsync(connection, "local_authorities",
            "id, name, kind, country_code, region_code, department_code, insee_code, siren, population, population_year, leader_name, leader_title, updated_at",
            "authorities", _french + _foreign, progress, ct).ConfigureAwait(false);
        for (var id = 1; id <= _french; id++)
        {
            copy.Advance(id);
            var roll = _random.Next(1000);
            var kind = roll switch
            {
                < 4 => AuthorityKind.Region,
                < 24 => AuthorityKind.Departement,
                < 74 => AuthorityKind.CommunauteAgglomeration,
                < 84 => AuthorityKind.CommunauteUrbaine,
                < 94 => AuthorityKind.Metropole,
                _ => AuthorityKind.Commune,
            };
            var department = Pick(_random, reference.Departments);
            var place = Place(_random, NameFlavour.French);
            var regionName = reference.Regions.GetValueOrDefault(department.RegionCode, department.RegionCode);
            var name = FrenchAuthority(kind, place, department.Name, regionName);
            _authorityNames[id] = name;
            var (first, last) = Person(_random);
            var population = kind switch
            {
                AuthorityKind.Region => 2_000_000 + _random.Next(10_000_000),
                AuthorityKind.Departement => 150_000 + _random.Next(2_500_000),
                AuthorityKind.Commune => (int)Math.Min(2_000_000, Math.Exp(7.2 + 1.6 * Gaussian(_random))),
                _ => 40_000 + _random.Next(900_000),
            };
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(id).ConfigureAwait(false);
            await copy.TextAsync(name).ConfigureAwait(false);
            await copy.TextAsync(EnumCode<AuthorityKind>.ToCode(kind)).ConfigureAwait(false);
            await copy.TextAsync(Core.Countries.CountryCodes.France).ConfigureAwait(false);
            await copy.TextAsync(department.RegionCode).ConfigureAwait(false);
            await copy.TextAsync(kind == AuthorityKind.Region ? null : department.Code).ConfigureAwait(false);
            await copy.TextAsync(kind == AuthorityKind.Commune ? (department.Code + _random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture))[..5] : null).ConfigureAwait(false);
            await copy.TextAsync("2" + _random.NextInt64(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await copy.IntAsync(population).ConfigureAwait(false);
            await copy.IntAsync(2021).ConfigureAwait(false);
            await copy.TextAsync($"{first} {last}").ConfigureAwait(false);
            await copy.TextAsync(kind == AuthorityKind.Commune ? "Maire" : "Président(e)").ConfigureAwait(false);
            await copy.StampAsync(UpdatedAt(_random)).ConfigureAwait(false);
        }

        for (var i = 0; i < _foreign; i++)
        {
            var id = _french + 1 + i;
            copy.Advance(id);
            // Every chosen country gets an authority before the skewed draw takes over.
            var (code, _) = _countries[i < _countries.Length ? i : CountryIndex(_random)];
            var flavour = FlavourOf(code);
            var place = Place(_random, flavour);
            var kind = ForeignKind(_random, code, flavour);
            var name = ForeignAuthority(kind, place);
            _authorityNames[id] = name;
            _foreignPlaces[i] = place;
            var (first, last) = Person(_random);
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(id).ConfigureAwait(false);
            await copy.TextAsync(name).ConfigureAwait(false);
            await copy.TextAsync(EnumCode<AuthorityKind>.ToCode(kind)).ConfigureAwait(false);
            await copy.TextAsync(code).ConfigureAwait(false);
            await copy.TextAsync(null).ConfigureAwait(false);
            await copy.TextAsync(null).ConfigureAwait(false);
            await copy.TextAsync(null).ConfigureAwait(false);
            await copy.TextAsync(null).ConfigureAwait(false);
            await copy.IntAsync(_random.Next(3) == 0 ? null : (int)Math.Min(20_000_000, Math.Exp(9 + 1.5 * Gaussian(_random)))).ConfigureAwait(false);
            await copy.IntAsync(2020).ConfigureAwait(false);
            await copy.TextAsync(_random.Next(2) == 0 ? $"{first} {last}" : null).ConfigureAwait(false);
            await copy.TextAsync(null).ConfigureAwait(false);
            await copy.StampAsync(UpdatedAt(_random)).ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private static AuthorityKind ForeignKind(Random random, string country, NameFlavour flavour)
    {
        if (random.Next(100) < 72) return AuthorityKind.Commune;
        return (flavour, country) switch
        {
            (NameFlavour.Arabic, "TN") => AuthorityKind.Gouvernorat,
            (NameFlavour.Arabic, "DZ") => AuthorityKind.Wilaya,
            (NameFlavour.Arabic, _) => random.Next(2) == 0 ? AuthorityKind.Province : AuthorityKind.CommuneUrbaine,
            (NameFlavour.WestAfrican, "ML") => AuthorityKind.Cercle,
            (NameFlavour.WestAfrican, _) => random.Next(2) == 0 ? AuthorityKind.Region : AuthorityKind.CommuneRurale,
            (NameFlavour.Germanic, "DE") => random.Next(4) == 0 ? AuthorityKind.Land : AuthorityKind.Other,
            (NameFlavour.Latin, _) => AuthorityKind.Province,
            _ => AuthorityKind.Region,
        };
    }

    private static readonly (OrganisationKind Kind, int Weight)[] OrganisationKinds =
    [
        (OrganisationKind.Association, 40), (OrganisationKind.Ngo, 18), (OrganisationKind.University, 8), (OrganisationKind.Agency, 8),
        (OrganisationKind.Ministry, 3), (OrganisationKind.Programme, 4), (OrganisationKind.Company, 9), (OrganisationKind.School, 6), (OrganisationKind.Other, 4),
    ];

    private static readonly string[] NgoWords = ["Eau Vive", "Terres Solidaires", "Horizons", "Partage", "Pont Nord-Sud", "Essor", "Kynarou", "Élan", "Racines", "Soleil"];

    private async Task WriteOrganisationsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "organisations", "id, name, kind, country_code, city, updated_at",
            "organisations", options.Organisations, progress, ct).ConfigureAwait(false);
        for (var id = 1; id <= options.Organisations; id++)
        {
            copy.Advance(id);
            var roll = _random.Next(100);
            var kind = OrganisationKinds[0].Kind;
            foreach (var (k, w) in OrganisationKinds)
            {
                if (roll < w) { kind = k; break; }
                roll -= w;
            }
            var french = _random.Next(100) < 60;
            var country = french ? Core.Countries.CountryCodes.France : _countries[CountryIndex(_random)].Code;
            var city = Place(_random, french ? NameFlavour.French : FlavourOf(country));
            var name = kind switch
            {
                OrganisationKind.Association => _random.Next(2) == 0 ? $"Comité de jumelage {Of(city)}" : $"Association {city} Solidarité",
                OrganisationKind.Ngo => $"{Pick(_random, NgoWords)} {city}",
                OrganisationKind.University => $"Université {Of(city)}",
                OrganisationKind.Agency => $"Agence {Of(city)} pour le développement",
                OrganisationKind.Ministry => $"Ministère du développement local ({city})",
                OrganisationKind.Programme => $"Programme {Pick(_random, NgoWords)} {city}",
                OrganisationKind.Company => $"{city} Ingénierie",
                OrganisationKind.School => $"Lycée {city}",
                _ => $"Fondation {city}",
            };
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(id).ConfigureAwait(false);
            await copy.TextAsync(name).ConfigureAwait(false);
            await copy.TextAsync(EnumCode<OrganisationKind>.ToCode(kind)).ConfigureAwait(false);
            await copy.TextAsync(country).ConfigureAwait(false);
            await copy.TextAsync(city).ConfigureAwait(false);
            await copy.StampAsync(UpdatedAt(_random)).ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private async Task WritePartnershipsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        _partnershipFrench = new int[Partnerships + 1];
        _partnershipForeign = new int[Partnerships + 1];
        _partnershipExtra = new int[Partnerships + 1];
        _partnershipYear = new int?[Partnerships + 1];
        var statuses = new[] { PartnershipStatus.Active, PartnershipStatus.Active, PartnershipStatus.Active, PartnershipStatus.Ended, PartnershipStatus.Unknown };
        await using (var copy = await SyntheticCopy.StartAsync(connection, "partnerships",
            "id, title, legal_frame, signed_on, signed_year, status, history, domains, source, updated_at", "partnerships", Partnerships, progress, ct).ConfigureAwait(false))
        {
            for (var id = 1; id <= Partnerships; id++)
            {
                copy.Advance(id);
                var french = 1 + Skewed(_random, _french);
                var foreign = _french + 1 + (id <= _foreign ? id - 1 : Skewed(_random, _foreign));
                var extraRoll = _random.Next(100);
                var extra = extraRoll < 15 ? 1 + _random.Next(_french) : extraRoll < 25 ? _french + 1 + _random.Next(_foreign) : 0;
                if (extra == french || extra == foreign) extra = 0;
                _partnershipFrench[id] = french;
                _partnershipForeign[id] = foreign;
                _partnershipExtra[id] = extra;
                int? year = _random.Next(100) < 85 ? 2024 - (int)(64 * Math.Pow(_random.NextDouble(), 1.7)) : null;
                _partnershipYear[id] = year;
                DateOnly? signedOn = year is { } y && _random.Next(2) == 0 ? new DateOnly(y, 1 + _random.Next(12), 1 + _random.Next(28)) : null;
                var domains = string.Join(", ", Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(_random, SyntheticTexts.PartnershipDomains)).Distinct(StringComparer.Ordinal));
                await copy.RowAsync().ConfigureAwait(false);
                await copy.IntAsync(id).ConfigureAwait(false);
                await copy.TextAsync($"{_authorityNames[french]} – {_authorityNames[foreign]}").ConfigureAwait(false);
                await copy.TextAsync(_random.Next(100) < 60 ? "Convention de coopération décentralisée" : null).ConfigureAwait(false);
                await copy.DateAsync(signedOn).ConfigureAwait(false);
                await copy.IntAsync(year).ConfigureAwait(false);
                await copy.TextAsync(EnumCode<PartnershipStatus>.ToCode(Pick(_random, statuses))).ConfigureAwait(false);
                await copy.TextAsync(_random.Next(100) < 30 ? SyntheticTexts.Paragraph(_random) : null).ConfigureAwait(false);
                await copy.TextAsync(domains).ConfigureAwait(false);
                await copy.TextAsync(Source).ConfigureAwait(false);
                await copy.StampAsync(UpdatedAt(_random)).ConfigureAwait(false);
            }
            await copy.CompleteAsync().ConfigureAwait(false);
        }

        await using (var links = await SyntheticCopy.StartAsync(connection, "partnership_authorities", "partnership_id, local_authority_id",
            "partnership authorities", Partnerships, progress, ct).ConfigureAwait(false))
        {
            for (var id = 1; id <= Partnerships; id++)
            {
                links.Advance(id);
                foreach (var authority in new[] { _partnershipFrench[id], _partnershipForeign[id], _partnershipExtra[id] }.Where(a => a > 0))
                {
                    await links.RowAsync().ConfigureAwait(false);
                    await links.IntAsync(id).ConfigureAwait(false);
                    await links.IntAsync(authority).ConfigureAwait(false);
                }
            }
            await links.CompleteAsync().ConfigureAwait(false);
        }

        await using var themes = await SyntheticCopy.StartAsync(connection, "partnership_themes", "partnership_id, theme_id",
            "partnership themes", Partnerships, progress, ct).ConfigureAwait(false);
        for (var id = 1; id <= Partnerships; id++)
        {
            themes.Advance(id);
            foreach (var theme in Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => Pick(_random, reference.Themes)).Distinct())
            {
                await themes.RowAsync().ConfigureAwait(false);
                await themes.IntAsync(id).ConfigureAwait(false);
                await themes.IntAsync(theme).ConfigureAwait(false);
            }
        }
        await themes.CompleteAsync().ConfigureAwait(false);
    }

    private async Task WritePostsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var posts = await SyntheticCopy.StartAsync(connection, "diplomatic_posts", "id, name, city, updated_at",
            "diplomatic posts", _countries.Length, progress, ct).ConfigureAwait(false))
        {
            for (var i = 0; i < _countries.Length; i++)
            {
                await posts.RowAsync().ConfigureAwait(false);
                await posts.IntAsync(i + 1).ConfigureAwait(false);
                await posts.TextAsync($"Ambassade de France – {_countries[i].Name}").ConfigureAwait(false);
                await posts.TextAsync(Place(_random, FlavourOf(_countries[i].Code))).ConfigureAwait(false);
                await posts.StampAsync(UpdatedAt(_random)).ConfigureAwait(false);
            }
            await posts.CompleteAsync().ConfigureAwait(false);
        }
        await using var countries = await SyntheticCopy.StartAsync(connection, "diplomatic_post_countries", "diplomatic_post_id, country_code",
            "diplomatic posts", _countries.Length, progress, ct).ConfigureAwait(false);
        for (var i = 0; i < _countries.Length; i++)
        {
            await countries.RowAsync().ConfigureAwait(false);
            await countries.IntAsync(i + 1).ConfigureAwait(false);
            await countries.TextAsync(_countries[i].Code).ConfigureAwait(false);
        }
        await countries.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>What every table hanging off a project agrees on, drawn from the project's own seeded source.</summary>
    private readonly record struct Shape(int? Partnership, int French, int Foreign, int StartYear, int? EndYear, ProjectStatus Status);

    // HashCode.Combine is salted per process: a fixed mix (SplitMix64's finaliser) keeps runs reproducible.
    private Random ProjectRandom(int id, int table)
    {
        var z = unchecked(((ulong)(uint)options.Seed << 32 | (uint)id) * 8 + (ulong)table + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return new Random((int)((z ^ (z >> 31)) & int.MaxValue));
    }

    private Shape ShapeOf(int id)
    {
        var random = ProjectRandom(id, 0);
        int? partnership = random.Next(100) < 92 ? 1 + random.Next(Partnerships) : null;
        var french = partnership is { } p ? _partnershipFrench[p] : 1 + Skewed(random, _french);
        var foreign = partnership is { } q ? _partnershipForeign[q] : _french + 1 + Skewed(random, _foreign);
        var start = 2025 - (int)(30 * Math.Pow(random.NextDouble(), 1.5));
        int? end = random.Next(100) < 70 ? Math.Min(2100, start + random.Next(5)) : null;
        var status = start > 2025 ? ProjectStatus.Planned : (end ?? 2026) < 2025 ? ProjectStatus.Completed : ProjectStatus.Ongoing;
        return new Shape(partnership, french, foreign, start, end, status);
    }

    private async Task WriteProjectsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "projects",
            "id, partnership_id, title, first_signature_year, start_year, start_date, end_year, end_date, status, context, history, objectives, " +
            "description, form, beneficiaries, total_cost_amount, total_cost_currency, is_triennial, communication_in_france, " +
            "communication_in_partner_country, evaluation_policy, source, updated_at",
            "projects", Projects, progress, ct).ConfigureAwait(false);
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(id);
            var shape = ShapeOf(id);
            var random = ProjectRandom(id, 1);
            var place = _foreignPlaces[shape.Foreign - _french - 1];
            DateOnly? startDate = random.Next(100) < 40 ? new DateOnly(shape.StartYear, 1 + random.Next(12), 1 + random.Next(28)) : null;
            DateOnly? endDate = startDate is not null && shape.EndYear is { } e && e > shape.StartYear ? new DateOnly(e, 1 + random.Next(12), 1 + random.Next(28)) : null;
            decimal? cost = random.Next(100) < 60 ? Math.Round((decimal)Math.Exp(10.5 + 1.3 * Gaussian(random)), 0) : null;
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(id).ConfigureAwait(false);
            await copy.IntAsync(shape.Partnership).ConfigureAwait(false);
            await copy.TextAsync(SyntheticTexts.ProjectTitle(random, place)).ConfigureAwait(false);
            await copy.IntAsync(shape.Partnership is { } p ? _partnershipYear[p] : null).ConfigureAwait(false);
            await copy.IntAsync(shape.StartYear).ConfigureAwait(false);
            await copy.DateAsync(startDate).ConfigureAwait(false);
            await copy.IntAsync(shape.EndYear).ConfigureAwait(false);
            await copy.DateAsync(endDate).ConfigureAwait(false);
            await copy.TextAsync(EnumCode<ProjectStatus>.ToCode(shape.Status)).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 40 ? SyntheticTexts.Paragraph(random) : null).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 20 ? SyntheticTexts.Paragraph(random, 1, 2) : null).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 90 ? SyntheticTexts.Objectives(random, place) : null).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 95 ? SyntheticTexts.Paragraph(random, 2, 5) : null).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 60 ? SyntheticTexts.Form(random) : null).ConfigureAwait(false);
            await copy.TextAsync(random.Next(100) < 70 ? SyntheticTexts.Beneficiary(random) : null).ConfigureAwait(false);
            await copy.MoneyAsync(cost).ConfigureAwait(false);
            await copy.TextAsync(cost is null ? null : "EUR").ConfigureAwait(false);
            await copy.BoolAsync(Maybe(random)).ConfigureAwait(false);
            await copy.BoolAsync(Maybe(random)).ConfigureAwait(false);
            await copy.BoolAsync(Maybe(random)).ConfigureAwait(false);
            await copy.BoolAsync(Maybe(random)).ConfigureAwait(false);
            await copy.TextAsync(Source).ConfigureAwait(false);
            await copy.StampAsync(UpdatedAt(random)).ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private async Task<long> WriteProjectThemesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "project_themes", "project_id, theme_id, is_main, priority",
            "project themes", Projects, progress, ct).ConfigureAwait(false);
        long rows = 0;
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(id);
            var random = ProjectRandom(id, 2);
            var themes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, reference.LeafThemes)).Distinct().ToList();
            for (var i = 0; i < themes.Count; i++)
            {
                await copy.RowAsync().ConfigureAwait(false);
                await copy.IntAsync(id).ConfigureAwait(false);
                await copy.IntAsync(themes[i]).ConfigureAwait(false);
                await copy.BoolAsync(i == 0).ConfigureAwait(false);
                await copy.IntAsync(i + 1).ConfigureAwait(false);
                rows++;
            }
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return rows;
    }

    private async Task<long> WriteParticipantsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "project_participants", "id, project_id, role, local_authority_id, organisation_id, sort_order",
            "participants", Projects, progress, ct).ConfigureAwait(false);
        var rowId = 0;
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(id);
            var shape = ShapeOf(id);
            var random = ProjectRandom(id, 3);
            var parties = new List<(ParticipantRole Role, int? Authority, int? Organisation)>
            {
                (ParticipantRole.Owner, shape.French, null),
                (ParticipantRole.ForeignPartner, shape.Foreign, null),
            };
            if (random.Next(100) < 40) parties.Add((ParticipantRole.Implementer, null, 1 + random.Next(options.Organisations)));
            if (random.Next(100) < 15) parties.Add((ParticipantRole.OtherPartnerFrance, null, 1 + random.Next(options.Organisations)));
            if (random.Next(100) < 12) parties.Add((ParticipantRole.Beneficiary, null, 1 + random.Next(options.Organisations)));
            for (var i = 0; i < parties.Count; i++)
            {
                await copy.RowAsync().ConfigureAwait(false);
                await copy.IntAsync(++rowId).ConfigureAwait(false);
                await copy.IntAsync(id).ConfigureAwait(false);
                await copy.TextAsync(EnumCode<ParticipantRole>.ToCode(parties[i].Role)).ConfigureAwait(false);
                await copy.IntAsync(parties[i].Authority).ConfigureAwait(false);
                await copy.IntAsync(parties[i].Organisation).ConfigureAwait(false);
                await copy.IntAsync(i).ConfigureAwait(false);
            }
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return rowId;
    }

    private async Task<long> WriteFundingsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "fundings",
            "id, project_id, funder_authority_id, funder_organisation_id, amount, currency_code, water_law_amount, year, sort_order",
            "fundings", Projects, progress, ct).ConfigureAwait(false);
        var rowId = 0;
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(id);
            var random = ProjectRandom(id, 4);
            var roll = random.Next(100);
            var lines = roll < 20 ? 0 : roll < 55 ? 1 : roll < 85 ? 2 : 3;
            if (lines == 0) continue;
            var shape = ShapeOf(id);
            for (var i = 0; i < lines; i++)
            {
                var amount = Math.Round((decimal)Math.Exp(9.5 + 1.2 * Gaussian(random)) / 100, 0) * 100;
                var local = reference.HasXof && random.Next(100) < 4;
                await copy.RowAsync().ConfigureAwait(false);
                await copy.IntAsync(++rowId).ConfigureAwait(false);
                await copy.IntAsync(id).ConfigureAwait(false);
                await copy.IntAsync(i == 0 ? shape.French : null).ConfigureAwait(false);
                await copy.IntAsync(i == 0 ? null : 1 + random.Next(options.Organisations)).ConfigureAwait(false);
                await copy.MoneyAsync(local ? amount * 656 : amount).ConfigureAwait(false);
                await copy.TextAsync(local ? "XOF" : "EUR").ConfigureAwait(false);
                await copy.MoneyAsync(random.Next(100) < 8 ? Math.Round(amount / 3, 0) : null).ConfigureAwait(false);
                await copy.IntAsync(random.Next(100) < 80 ? shape.StartYear : null).ConfigureAwait(false);
                await copy.IntAsync(i).ConfigureAwait(false);
            }
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return rowId;
    }

    private async Task<long> WriteContactsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "contacts",
            "id, last_name, first_name, function, email, role, local_authority_id, diplomatic_post_id, project_id, sort_order",
            "contacts", Projects + _french + _countries.Length, progress, ct).ConfigureAwait(false);
        var rowId = 0;
        async Task ContactAsync(Random random, string function, ContactRole role, int? authority, int? post, int? project)
        {
            var (first, last) = Person(random);
            rowId++;
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(rowId).ConfigureAwait(false);
            await copy.TextAsync(last).ConfigureAwait(false);
            await copy.TextAsync(first).ConfigureAwait(false);
            await copy.TextAsync(function).ConfigureAwait(false);
            await copy.TextAsync($"contact{rowId}@exemple.org").ConfigureAwait(false);
            await copy.TextAsync(EnumCode<ContactRole>.ToCode(role)).ConfigureAwait(false);
            await copy.IntAsync(authority).ConfigureAwait(false);
            await copy.IntAsync(post).ConfigureAwait(false);
            await copy.IntAsync(project).ConfigureAwait(false);
            await copy.IntAsync(0).ConfigureAwait(false);
        }

        for (var id = 1; id <= _french; id++)
        {
            if (_random.Next(2) == 0) await ContactAsync(_random, "Chargé(e) des relations internationales", ContactRole.Correspondent, id, null, null).ConfigureAwait(false);
        }
        for (var i = 0; i < _countries.Length; i++)
            await ContactAsync(_random, "Conseiller(ère) de coopération et d'action culturelle", ContactRole.Cocac, null, i + 1, null).ConfigureAwait(false);
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(_french + _countries.Length + id);
            var random = ProjectRandom(id, 5);
            if (random.Next(100) < 40) await ContactAsync(random, "Chef(fe) de projet", ContactRole.Correspondent, null, null, id).ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return rowId;
    }

    private async Task WriteVolunteersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await SyntheticCopy.StartAsync(connection, "volunteers", "id, project_id, last_name, first_name, mission",
            "volunteers", Projects, progress, ct).ConfigureAwait(false);
        var rowId = 0;
        for (var id = 1; id <= Projects; id++)
        {
            copy.Advance(id);
            var random = ProjectRandom(id, 6);
            if (random.Next(100) >= 5) continue;
            var (first, last) = Person(random);
            await copy.RowAsync().ConfigureAwait(false);
            await copy.IntAsync(++rowId).ConfigureAwait(false);
            await copy.IntAsync(id).ConfigureAwait(false);
            await copy.TextAsync(last).ConfigureAwait(false);
            await copy.TextAsync(first).ConfigureAwait(false);
            await copy.TextAsync("Volontariat de solidarité internationale").ConfigureAwait(false);
        }
        await copy.CompleteAsync().ConfigureAwait(false);
    }

    private static bool? Maybe(Random random) => random.Next(3) switch { 0 => null, 1 => true, _ => false };

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
