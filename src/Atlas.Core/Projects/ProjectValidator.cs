namespace Atlas.Core.Projects;

/// <summary>Checks a project's submitted fields, themes and funding lines against the rules and the reference data.</summary>
public sealed class ProjectValidator : AbstractValidator<ProjectValues>
{
    public const int MaxTitleLength = 500;
    public const int MaxFormLength = 300;
    public const int MaxBeneficiariesLength = 2000;
    public const int MaxPriority = 99;

    public ProjectValidator(ReferenceCatalog.Snapshot reference, KnownRecords known)
    {
        RuleFor(p => p.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode("title_required").WithMessage("Indiquez le titre du projet.")
            .Text(MaxTitleLength);
        RuleFor(p => p.Status).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("status_required").WithMessage("Indiquez le statut du projet.")
            .Must(s => EnumCode<ProjectStatus>.TryParse(s, out _)).WithErrorCode("unknown_status")
            .WithMessage("Ce statut n'existe pas : en projet (planned), en cours (ongoing) ou terminé (completed).");

        RuleFor(p => p.FirstSignatureYear).Year();
        RuleFor(p => p.StartYear).Year();
        RuleFor(p => p.EndYear).Year().NotBefore(p => p.StartYear, "end_before_start");
        RuleFor(p => p.StartDate).InYear(p => p.StartYear);
        RuleFor(p => p.EndDate).InYear(p => p.EndYear)
            .Must((p, end) => end is null || p.StartDate is null || end >= p.StartDate)
            .WithErrorCode("end_date_before_start_date").WithMessage("La date de fin doit être postérieure ou égale à la date de début.");

        RuleFor(p => p.Context).Text(EditingRules.MaxNarrativeLength);
        RuleFor(p => p.History).Text(EditingRules.MaxNarrativeLength);
        RuleFor(p => p.Objectives).Text(EditingRules.MaxNarrativeLength);
        RuleFor(p => p.Description).Text(EditingRules.MaxNarrativeLength);
        RuleFor(p => p.Form).Text(MaxFormLength);
        RuleFor(p => p.Beneficiaries).Text(MaxBeneficiariesLength);

        RuleFor(p => p.TotalCostAmount).Money()
            .Must((p, amount) => amount is not null || p.TotalCostCurrency is null)
            .WithErrorCode("total_cost_incomplete").WithMessage("Un coût total a un montant et une monnaie.");
        RuleFor(p => p.TotalCostCurrency).KnownCurrency(reference)
            .Must((p, currency) => currency is not null || p.TotalCostAmount is null)
            .WithErrorCode("total_cost_incomplete").WithMessage("Un coût total a un montant et une monnaie.");

        RuleFor(p => p.MainThemeId)
            .Must(id => id is null || reference.ThemesById.ContainsKey(id.Value))
            .WithErrorCode("unknown_theme").WithMessage("Cette thématique n'existe pas.");
        RuleForEach(p => p.Themes).ChildRules(theme =>
        {
            theme.RuleFor(t => t.ThemeId)
                .Must(id => reference.ThemesById.ContainsKey(id))
                .WithErrorCode("unknown_theme").WithMessage("Cette thématique n'existe pas.");
            theme.RuleFor(t => t.Priority)
                .InclusiveBetween(1, MaxPriority)
                .WithErrorCode("priority_out_of_range").WithMessage($"La priorité est comprise entre 1 et {MaxPriority}.");
        });
        RuleFor(p => p.Themes)
            .Must((p, themes) => themes.Select(t => t.ThemeId).Concat(p.MainThemeId is { } main ? [main] : []).GroupBy(id => id).All(g => g.Count() == 1))
            .WithErrorCode("duplicate_theme").WithMessage("Une thématique ne peut être choisie qu'une fois.");

        RuleForEach(p => p.Fundings).SetValidator(new FundingValidator(reference, known));
        RuleFor(p => p.Fundings)
            .Must(lines => lines.Where(f => f.Id is not null).GroupBy(f => f.Id).All(g => g.Count() == 1))
            .WithErrorCode("duplicate_funding").WithMessage("Une ligne de financement figure deux fois.");

        RuleForEach(p => p.Participants).SetValidator(new ParticipantValidator(known));
        RuleFor(p => p.Participants)
            .Must(lines => lines is null || lines.Where(l => l.Id is not null).GroupBy(l => l.Id).All(g => g.Count() == 1)
                && lines.GroupBy(l => (l.LocalAuthorityId, l.OrganisationId, l.Role)).All(g => g.Count() == 1))
            .WithErrorCode("duplicate_participant").WithMessage("Ce participant figure deux fois dans le même rôle.");
        Include(new ContactLinesValidator());
        RuleForEach(p => p.Volunteers).SetValidator(new VolunteerValidator());
        RuleFor(p => p.Volunteers)
            .Must(lines => lines is null || lines.Where(v => v.Id is not null).GroupBy(v => v.Id).All(g => g.Count() == 1))
            .WithErrorCode("duplicate_volunteer").WithMessage("Un volontaire figure deux fois.");
    }
}
