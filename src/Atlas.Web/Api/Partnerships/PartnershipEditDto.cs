namespace Atlas.Web.Api.Partnerships;

/// <summary>
/// A partnership's editable record: what PUT replaces as a whole and PATCH merges into (RFC 7396). Field names are those the
/// validation errors use.
/// </summary>
/// <param name="Title">Title; required, at most 300 characters.</param>
/// <param name="LegalFrame">Legal frame of the agreement (convention, twinning…), at most 500 characters.</param>
/// <param name="SignedOn">Day the agreement was signed, when known; within signedYear.</param>
/// <param name="SignedYear">Year the agreement was signed, 1900 to 2100; taken from signedOn when left out.</param>
/// <param name="Status">active, ended, planned, suspended or unknown; required.</param>
/// <param name="History">History of the partnership, at most 20,000 characters.</param>
/// <param name="Domains">Fields of action as the agreement names them, at most 1,000 characters.</param>
/// <param name="ThemeIds">Ids of its themes, from GET /api/v1/themes, each at most once.</param>
/// <param name="AuthorityIds">Ids of the local authorities taking part, from GET /api/v1/authorities: at least one French and one foreign, each once; they must keep the partnership within the scope of the token's account.</param>
public sealed record PartnershipEditDto(
    string? Title, string? LegalFrame, DateOnly? SignedOn, int? SignedYear, string? Status, string? History, string? Domains,
    IReadOnlyList<int>? ThemeIds, IReadOnlyList<int>? AuthorityIds)
{
    public static PartnershipEditDto Of(PartnershipValues v) =>
        new(v.Title, v.LegalFrame, v.SignedOn, v.SignedYear, v.Status, v.History, v.Domains, v.ThemeIds, v.AuthorityIds);

    public PartnershipValues ToValues() => new()
    {
        Title = Title, LegalFrame = LegalFrame, SignedOn = SignedOn, SignedYear = SignedYear, Status = Status, History = History,
        Domains = Domains, ThemeIds = [.. ThemeIds ?? []], AuthorityIds = [.. AuthorityIds ?? []],
    };
}
