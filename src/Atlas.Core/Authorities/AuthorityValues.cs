namespace Atlas.Core.Authorities;

/// <summary>A local authority's own fields and contacts as an editor submits them: kept as typed, checked by <see cref="AuthorityValidator"/>.</summary>
public sealed class AuthorityValues : IHasContactLines
{
    public string? Name { get; set; }
    /// <summary>Other spellings and former or later names it is known by ("El Jedida" for "El Jadida"), searched with the name.</summary>
    public List<string?>? AlternateNames { get; set; }
    /// <summary>The kind's code (commune, departement, province…).</summary>
    public string? Kind { get; set; }
    public int? Population { get; set; }
    public int? PopulationYear { get; set; }
    public string? LeaderName { get; set; }
    public string? LeaderTitle { get; set; }
    public string? Website { get; set; }
    /// <summary>The INSEE code of a French authority (5 characters); none for a foreign one.</summary>
    public string? InseeCode { get; set; }
    /// <summary>The SIREN number of a French authority (9 digits); none for a foreign one.</summary>
    public string? Siren { get; set; }
    /// <summary>Every contact the authority keeps (not those it has for a partnership or a project).</summary>
    public List<ContactValues>? Contacts { get; set; }

    /// <summary>The values of an authority as it stands, to fill a form.</summary>
    public static AuthorityValues Of(LocalAuthority authority) => new()
    {
        Name = authority.Name,
        AlternateNames = [.. authority.AlternateNames],
        Kind = EnumCode<AuthorityKind>.ToCode(authority.Kind),
        Population = authority.Population,
        PopulationYear = authority.PopulationYear,
        LeaderName = authority.LeaderName,
        LeaderTitle = authority.LeaderTitle,
        Website = authority.Website,
        InseeCode = authority.InseeCode,
        Siren = authority.Siren,
        Contacts = ContactValues.Of(ContactLines.AuthoritysOwn(authority.Contacts)),
    };
}
