namespace Atlas.Core.Projects;

/// <summary>Checks a volunteer: a name, and texts within their columns.</summary>
public sealed class VolunteerValidator : AbstractValidator<VolunteerValues>
{
    public const int MaxNameLength = 200;
    public const int MaxMissionLength = 500;
    public const int MaxPlaceLength = 300;

    public VolunteerValidator()
    {
        RuleFor(v => v.LastName)
            .Must((v, last) => !string.IsNullOrWhiteSpace(last) || !string.IsNullOrWhiteSpace(v.FirstName))
            .WithErrorCode("volunteer_name_required").WithMessage("Indiquez le nom ou le prénom du volontaire.")
            .Text(MaxNameLength);
        RuleFor(v => v.FirstName).Text(MaxNameLength);
        RuleFor(v => v.Mission).Text(MaxMissionLength);
        RuleFor(v => v.FieldOfAction).Text(MaxPlaceLength);
        RuleFor(v => v.HostEntity).Text(MaxPlaceLength);
    }
}
