namespace Atlas.Core.Projects;

/// <summary>Checks a participant: one existing authority or organisation (never a name typed freely), in a known role.</summary>
public sealed class ParticipantValidator : AbstractValidator<ParticipantValues>
{
    public ParticipantValidator(KnownRecords known)
    {
        RuleFor(p => p.LocalAuthorityId)
            .Must((p, authority) => authority is not null || p.OrganisationId is not null)
            .WithErrorCode("participant_required").WithMessage("Choisissez le participant : une collectivité ou un organisme existant.")
            .Must((p, authority) => authority is null || p.OrganisationId is null)
            .WithErrorCode("participant_ambiguous").WithMessage("Une participation concerne une seule collectivité ou un seul organisme.")
            .Must(authority => authority is null || known.Authorities.Contains(authority.Value))
            .WithErrorCode("unknown_participant_authority").WithMessage("Cette collectivité n'existe pas.");
        RuleFor(p => p.OrganisationId)
            .Must(organisation => organisation is null || known.Organisations.Contains(organisation.Value))
            .WithErrorCode("unknown_participant_organisation").WithMessage("Cet organisme n'existe pas.");
        RuleFor(p => p.Role).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("role_required").WithMessage("Indiquez le rôle du participant.")
            .Must(r => EnumCode<ParticipantRole>.TryParse(r, out _)).WithErrorCode("unknown_role").WithMessage("Ce rôle n'existe pas.");
    }
}
