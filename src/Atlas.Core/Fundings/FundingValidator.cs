namespace Atlas.Core.Fundings;

/// <summary>Checks a funding line: one existing funder, an amount ≥ 0 in a known ISO 4217 currency, a water-law part within it, a sane year.</summary>
public sealed class FundingValidator : AbstractValidator<FundingValues>
{
    public const int MaxNoteLength = 500;

    public FundingValidator(ReferenceCatalog.Snapshot reference, KnownRecords known)
    {
        RuleFor(f => f.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("amount_required").WithMessage("Indiquez le montant.")
            .Money();
        RuleFor(f => f.CurrencyCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("currency_required").WithMessage("Indiquez la monnaie, par exemple EUR ou MAD.")
            .KnownCurrency(reference);
        RuleFor(f => f.WaterLawAmount).Cascade(CascadeMode.Stop)
            .Money()
            .Must((f, water) => water is null || f.Amount is not >= 0 || water <= f.Amount)
            .WithErrorCode("water_law_amount_exceeds_amount")
            .WithMessage("La part « 1 % eau » ne peut dépasser le montant.");
        RuleFor(f => f.Year).Year();
        RuleFor(f => f.Note).Text(MaxNoteLength);

        RuleFor(f => f.FunderAuthorityId)
            .Must((f, authority) => authority is not null || f.FunderOrganisationId is not null)
            .WithErrorCode("funder_required").WithMessage("Indiquez le financeur : une collectivité ou un organisme.")
            .Must((f, authority) => authority is null || f.FunderOrganisationId is null)
            .WithErrorCode("funder_ambiguous").WithMessage("Un financement a un seul financeur : une collectivité ou un organisme, pas les deux.")
            .Must(authority => authority is null || known.Authorities.Contains(authority.Value))
            .WithErrorCode("unknown_funder_authority").WithMessage("Cette collectivité n'existe pas.");
        RuleFor(f => f.FunderOrganisationId)
            .Must(organisation => organisation is null || known.Organisations.Contains(organisation.Value))
            .WithErrorCode("unknown_funder_organisation").WithMessage("Cet organisme n'existe pas.");
    }
}
