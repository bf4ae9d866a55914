namespace Atlas.Web.Hosting;

/// <summary>
/// <c>Atlas:Operator:LegalNotice</c>: what French law (LCEN, article 6) asks a site's « Mentions légales » to name. Each is plain
/// text, its lines kept as lines (a name, then an address, a telephone number, a registration number).
/// </summary>
public sealed class OperatorLegalNotice
{
    /// <summary>The publisher (éditeur): name, legal form, address, telephone, SIREN or RNA number.</summary>
    public string? Publisher { get; set; }

    /// <summary>The publication director (directeur ou directrice de la publication), with their function.</summary>
    public string? PublicationDirector { get; set; }

    /// <summary>The host (hébergeur): name, address, telephone.</summary>
    public string? Host { get; set; }
}
