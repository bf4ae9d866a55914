namespace Atlas.Web.Hosting;

/// <summary>
/// <c>Atlas:Operator</c> (<c>Atlas__Operator__Name</c>…): who runs this portal, as its pages show it. Atlas is open software that
/// anyone may run, so the identity is configuration; unset, the pages speak for an unnamed operator. See docs/operator.md.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Atlas:Operator";
    public const string DefaultName = "Atlas de la coopération décentralisée";
    public const string DefaultShortName = "Atlas";
    public const string DefaultOrganisation = "l'exploitant de ce site";

    /// <summary>The portal's name, in the header, the page titles and the home page's heading.</summary>
    public string? Name { get; set; }

    /// <summary>A short name, where room is short: the browser's application name, the header on the narrowest screens.</summary>
    public string? ShortName { get; set; }

    /// <summary>Who runs the portal, as written inside a sentence (« la Ville de Lyon », « l'association X »).</summary>
    public string? Organisation { get; set; }

    /// <summary>
    /// The operator's logo, shown beside the name: a file under wwwroot (<c>img/logo.svg</c>) or an absolute path on the
    /// server's disk (<c>/etc/atlas/logo.svg</c>), served at <see cref="OperatorIdentity.DiskLogoPath"/>. SVG, PNG, WebP or JPEG.
    /// </summary>
    public string? LogoPath { get; set; }

    /// <summary>The address visitors write to; pages print it as « nom [at] domaine », never as a mailto: link.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>A contact form or page of the operator (absolute http or https address).</summary>
    public string? ContactUrl { get; set; }

    /// <summary>Where to ask about personal data (a data protection officer's address, a postal address…); unset, the contact.</summary>
    public string? PersonalDataContact { get; set; }

    /// <summary>Where the portal's source code is published (absolute http or https address), named on « Mentions légales ».</summary>
    public string? SourceUrl { get; set; }

    /// <summary>
    /// The accessibility status that the footer and « Accessibilité » state, as the RGAA words it: « non conforme » (the default:
    /// the RGAA gives that status to a site without a valid audit), « partiellement conforme » or « totalement conforme ».
    /// </summary>
    public string? AccessibilityStatus { get; set; }

    /// <summary>The audit behind a status other than « non conforme »: its date, who made it, its rate (« audit du 3 mars 2026 par… »).</summary>
    public string? AccessibilityAudit { get; set; }

    /// <summary>The publisher, publication director and host that « Mentions légales » must name.</summary>
    public OperatorLegalNotice LegalNotice { get; set; } = new();
}
