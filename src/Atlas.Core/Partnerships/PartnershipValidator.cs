namespace Atlas.Core.Partnerships;

/// <summary>
/// Checks a partnership's submitted fields, themes and authorities. <paramref name="authorities"/> says, of the authorities
/// submitted that exist, which are French; <paramref name="keepsEditorScope"/> whether the authorities submitted still give the
/// editor their access to the partnership (an editor may not remove the authority through which they may edit it).
/// </summary>
public sealed class PartnershipValidator : AbstractValidator<PartnershipValues>
{
    public const int MaxTitleLength = 300;
    public const int MaxLegalFrameLength = 500;
    public const int MaxDomainsLength = 1000;

    public PartnershipValidator(ReferenceCatalog.Snapshot reference, IReadOnlyDictionary<int, bool> authorities, bool keepsEditorScope)
    {
        Include(new ContactLinesValidator());
        RuleFor(p => p.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode("title_required").WithMessage("Indiquez le titre du partenariat.")
            .Text(MaxTitleLength);
        RuleFor(p => p.LegalFrame).Text(MaxLegalFrameLength);
        RuleFor(p => p.History).Text(EditingRules.MaxNarrativeLength);
        RuleFor(p => p.Domains).Text(MaxDomainsLength);
        RuleFor(p => p.Status).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("status_required").WithMessage("Indiquez le statut du partenariat.")
            .Must(s => EnumCode<PartnershipStatus>.TryParse(s, out _)).WithErrorCode("unknown_partnership_status")
            .WithMessage("Ce statut n'existe pas : actif (active), terminé (ended), en projet (planned), suspendu (suspended) ou non renseigné (unknown).");

        RuleFor(p => p.SignedYear).Year();
        RuleFor(p => p.SignedOn).Cascade(CascadeMode.Stop)
            .Must(d => d is null || d.Value.Year is >= ReferenceRules.MinYear and <= ReferenceRules.MaxYear).WithErrorCode("year_out_of_range")
            .WithMessage($"L'année doit être comprise entre {ReferenceRules.MinYear} et {ReferenceRules.MaxYear}.")
            .InYear(p => p.SignedYear);

        RuleForEach(p => p.ThemeIds)
            .Must(id => reference.ThemesById.ContainsKey(id)).WithErrorCode("unknown_theme").WithMessage("Cette thématique n'existe pas.");
        RuleFor(p => p.ThemeIds)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithErrorCode("duplicate_theme")
            .WithMessage("Une thématique ne peut être choisie qu'une fois.");

        RuleForEach(p => p.AuthorityIds)
            .Must(authorities.ContainsKey).WithErrorCode("unknown_authority").WithMessage("Cette collectivité n'existe pas.");
        RuleFor(p => p.AuthorityIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithErrorCode("duplicate_authority")
            .WithMessage("Une collectivité ne peut figurer qu'une fois dans le partenariat.")
            .Must(ids => ids.Any(id => authorities.GetValueOrDefault(id, false))).WithErrorCode("french_authority_required")
            .WithMessage("Un partenariat compte au moins une collectivité française.")
            .Must(ids => ids.Any(id => authorities.TryGetValue(id, out var french) && !french)).WithErrorCode("foreign_authority_required")
            .WithMessage("Un partenariat compte au moins une collectivité étrangère.")
            .Must(_ => keepsEditorScope).WithErrorCode("scope_authority_removed")
            .WithMessage("Vous ne pouvez pas retirer la collectivité par laquelle ce partenariat entre dans votre périmètre.");
    }
}
