namespace Atlas.Core.Partnerships;

/// <summary>Checks a partnership filter against the reference data; French messages, English error codes.</summary>
public sealed class PartnershipFilterValidator : AbstractValidator<PartnershipFilter>
{
    public PartnershipFilterValidator(ReferenceCatalog.Snapshot reference)
    {
        Include(new CooperationFilterValidator(reference));
        RuleFor(f => f.SignedFrom).Year();
        RuleFor(f => f.SignedTo).Year();
        RuleFor(f => f.SignedTo).NotBefore(f => f.SignedFrom, "signed_range_reversed");
    }

    /// <summary>The English text of each error code, for the API.</summary>
    public static string English(string errorCode) => errorCode switch
    {
        "signed_range_reversed" => "signedTo must be greater than or equal to signedFrom.",
        _ => ReferenceRules.English(errorCode),
    };
}
