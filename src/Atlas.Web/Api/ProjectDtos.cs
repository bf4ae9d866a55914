namespace Atlas.Web.Api;

/// <summary>A page of a list: the same envelope for every list of the API.</summary>
/// <param name="Items">The records of this page.</param>
/// <param name="NextCursor">Pass it as <c>cursor</c> to get the next page; null on the last page.</param>
/// <param name="Total">How many records match the filters, over all pages: counted exactly up to 20,000; beyond, 20,000 and totalIsExact is false.</param>
/// <param name="TotalIsExact">False when more records match than were counted: total is then a lower bound (follow nextCursor to the end, or use /api/v1/exports, for all of them).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int Total, bool TotalIsExact);

/// <summary>A code with its French label.</summary>
/// <param name="Code">The code (ISO 3166-1 alpha-2 for a country).</param>
/// <param name="Name">Its French name.</param>
public sealed record CodeName(string Code, string Name);

/// <summary>A theme of the three-level tree.</summary>
/// <param name="Key">Stable key, the path of slugs (e.g. <c>developpement-urbain/transports</c>); usable as the <c>theme</c> filter.</param>
/// <param name="Name">French name.</param>
/// <param name="Path">French names from the top level down to this theme.</param>
public sealed record ThemeDto(string Key, string Name, IReadOnlyList<string> Path);

/// <summary>A local authority as referenced from another record.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Official name, accents kept.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country.</param>
/// <param name="Url">Its public page.</param>
public sealed record AuthorityRefDto(int Id, string Name, string Country, string Url);

/// <summary>A project in a list.</summary>
/// <param name="Id">Stable identifier, never reused or changed by a rename.</param>
/// <param name="Title">Title of the project.</param>
/// <param name="Status">planned, ongoing or completed.</param>
/// <param name="StartYear">Year the project started.</param>
/// <param name="EndYear">Year it ended or is planned to end.</param>
/// <param name="Partnership">The partnership it belongs to, if any.</param>
/// <param name="Countries">Partner countries (outside France).</param>
/// <param name="MainTheme">Its main theme.</param>
/// <param name="Authorities">French and foreign authorities taking part.</param>
/// <param name="UpdatedAt">Last change of the record.</param>
/// <param name="Url">Its public page.</param>
/// <param name="ApiUrl">Its whole record in this API.</param>
public sealed record ProjectListItemDto(
    int Id, string Title, string Status, int? StartYear, int? EndYear, PartnershipRefDto? Partnership, IReadOnlyList<CodeName> Countries,
    ThemeDto? MainTheme, IReadOnlyList<AuthorityRefDto> Authorities, DateTimeOffset UpdatedAt, string Url, string ApiUrl);

/// <summary>A partnership as referenced from a project.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title of the partnership.</param>
/// <param name="LegalFrame">Legal frame (convention-cadre, accord de jumelage…).</param>
/// <param name="SignedOn">Date of signature, when known to the day.</param>
/// <param name="SignedYear">Year of signature.</param>
/// <param name="Status">active, ended or unknown.</param>
public sealed record PartnershipRefDto(int Id, string Title, string? LegalFrame = null, DateOnly? SignedOn = null, int? SignedYear = null, string? Status = null);

/// <summary>An amount in a currency.</summary>
/// <param name="Amount">The amount, never negative.</param>
/// <param name="Currency">ISO 4217 code (EUR, MAD…); amounts are never converted.</param>
public sealed record MoneyDto(decimal Amount, string Currency);

/// <summary>Who takes part in a project, and how.</summary>
/// <param name="Role">owner (maître d'ouvrage), owner-assistant, implementer (maître d'œuvre), beneficiary, foreign-partner, french-partner, other-partner-france or other-partner-abroad.</param>
/// <param name="Type">authority or organisation.</param>
/// <param name="Id">Identifier of the authority or organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of its country, when known.</param>
/// <param name="Url">Public page of the authority (organisations have none yet).</param>
public sealed record ParticipantDto(string Role, string Type, int Id, string Name, string? Country, string? Url);

/// <summary>A funding line.</summary>
/// <param name="Funder">Who pays: an authority or an organisation.</param>
/// <param name="Amount">Amount, never negative.</param>
/// <param name="Currency">ISO 4217 currency code of the amount.</param>
/// <param name="WaterLawAmount">Part under the 1 % water and sanitation law (loi Oudin-Santini, 2005), same currency.</param>
/// <param name="Year">Year of the funding.</param>
/// <param name="Note">What the source says of it (e.g. financial and in-kind contributions).</param>
public sealed record FundingDto(ParticipantDto Funder, decimal Amount, string Currency, decimal? WaterLawAmount, int? Year, string? Note);

/// <summary>A person to contact. E-mail addresses are personal data and are shown only on the public pages, protected from harvesting.</summary>
/// <param name="Name">First and last name.</param>
/// <param name="Function">Function or title.</param>
/// <param name="Role">correspondent, cocac or other.</param>
/// <param name="Organisation">The authority or organisation the person belongs to.</param>
public sealed record ContactDto(string Name, string? Function, string Role, string? Organisation);

/// <summary>A volunteer (VSI, service civique…).</summary>
/// <param name="Name">First and last name.</param>
/// <param name="Mission">Mission.</param>
/// <param name="FieldOfAction">Field of action.</param>
/// <param name="HostEntity">Host entity.</param>
public sealed record VolunteerDto(string Name, string? Mission, string? FieldOfAction, string? HostEntity);

/// <summary>A French embassy following the project's partner country.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Name of the post.</param>
/// <param name="Countries">ISO codes of the countries it covers.</param>
/// <param name="Contacts">Its decentralised-cooperation correspondent and cultural cooperation counsellor.</param>
public sealed record DiplomaticPostDto(int Id, string Name, IReadOnlyList<string> Countries, IReadOnlyList<ContactDto> Contacts);

/// <summary>A project's whole record, as its public page shows it.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">planned, ongoing or completed.</param>
/// <param name="FirstSignatureYear">Year the agreement was first signed.</param>
/// <param name="StartYear">Start year.</param>
/// <param name="StartDate">Start date, when known to the day.</param>
/// <param name="EndYear">End year.</param>
/// <param name="EndDate">End date, when known to the day.</param>
/// <param name="Context">Context.</param>
/// <param name="History">History.</param>
/// <param name="Objectives">Objectives.</param>
/// <param name="Description">Detailed description.</param>
/// <param name="Form">Form of the action (e.g. projet de coopération décentralisée).</param>
/// <param name="Beneficiaries">Beneficiaries, as described.</param>
/// <param name="TotalCost">Total cost, in its currency.</param>
/// <param name="IsTriennial">Whether it is a triennial partnership.</param>
/// <param name="CommunicationInFrance">Whether communication was undertaken in France.</param>
/// <param name="CommunicationInPartnerCountry">Whether communication was undertaken in the partner country.</param>
/// <param name="EvaluationPolicy">Whether an evaluation policy was undertaken.</param>
/// <param name="Partnership">The partnership it belongs to.</param>
/// <param name="Countries">Partner countries.</param>
/// <param name="MainTheme">Main theme.</param>
/// <param name="OtherThemes">Other themes, with their priority.</param>
/// <param name="Participants">Owners, implementers, beneficiaries and partners.</param>
/// <param name="Fundings">Funding lines.</param>
/// <param name="Contacts">Contacts of the project.</param>
/// <param name="Volunteers">Volunteers.</param>
/// <param name="DiplomaticPosts">Embassies following the partner countries.</param>
/// <param name="Source">Where the record comes from.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Url">Public page.</param>
/// <param name="Version">The record's version: send it as the strong ETag of an If-Match header (<c>If-Match: "1234"</c>) to change the record through PUT or PATCH.</param>
public sealed record ProjectDto(
    int Id, string Title, string Status, int? FirstSignatureYear, int? StartYear, DateOnly? StartDate, int? EndYear, DateOnly? EndDate,
    string? Context, string? History, string? Objectives, string? Description, string? Form, string? Beneficiaries, MoneyDto? TotalCost,
    bool? IsTriennial, bool? CommunicationInFrance, bool? CommunicationInPartnerCountry, bool? EvaluationPolicy,
    PartnershipRefDto? Partnership, IReadOnlyList<CodeName> Countries, ThemeDto? MainTheme, IReadOnlyList<OtherThemeDto> OtherThemes,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<FundingDto> Fundings, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<VolunteerDto> Volunteers, IReadOnlyList<DiplomaticPostDto> DiplomaticPosts, string? Source, DateTimeOffset UpdatedAt, string Url, uint Version);

/// <summary>A secondary theme of a project.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Priority">Its priority (1 first), when given.</param>
public sealed record OtherThemeDto(ThemeDto Theme, int? Priority);
