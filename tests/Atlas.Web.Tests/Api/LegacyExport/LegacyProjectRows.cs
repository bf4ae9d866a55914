using System.Runtime.CompilerServices;
using Atlas.Core.Data;
using Atlas.Core.Projects;
using Atlas.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Web.Tests.Api.LegacyExport;

/// <summary>
/// The rows of projects.csv as ProjectExport read them before issue 15's whole-export work (EF's projection with the other
/// themes as a joined collection, 25 s at scale 100): kept here, word for word, as the reference the faster read must equal.
/// </summary>
internal static class LegacyProjectRows
{
    public static async IAsyncEnumerable<ProjectExportRow> ProjectsAsync(
        IQueryable<Project> projects, ReferenceCatalog.Snapshot reference, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var rows = projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new
        {
            p.Id, p.Title, p.Status, p.FirstSignatureYear, p.StartYear, p.StartDate, p.EndYear, p.EndDate, p.PartnershipId,
            PartnershipTitle = p.Partnership != null ? p.Partnership.Title : null,
            p.CountryCodes,
            MainThemeId = p.Themes.Where(t => t.IsMain).Select(t => (int?)t.ThemeId).FirstOrDefault(),
            OtherThemeKeys = p.Themes.Where(t => !t.IsMain).OrderBy(t => t.Priority ?? int.MaxValue).ThenBy(t => t.Theme!.Key)
                .Select(t => t.Theme!.Key).ToList(),
            p.Form, p.Context, p.History, p.Objectives, p.Description, p.Beneficiaries, p.TotalCostAmount, p.TotalCostCurrency,
            p.IsTriennial, p.CommunicationInFrance, p.CommunicationInPartnerCountry, p.EvaluationPolicy, p.Source, p.UpdatedAt,
        }).AsAsyncEnumerable();

        await foreach (var p in rows.WithCancellation(ct))
        {
            yield return new ProjectExportRow
            {
                Id = p.Id,
                Title = p.Title,
                Status = EnumCode<ProjectStatus>.ToCode(p.Status),
                FirstSignatureYear = p.FirstSignatureYear,
                StartYear = p.StartYear,
                StartDate = p.StartDate,
                EndYear = p.EndYear,
                EndDate = p.EndDate,
                PartnershipId = p.PartnershipId,
                PartnershipTitle = p.PartnershipTitle,
                CountryCodes = p.CountryCodes,
                CountryNames = p.CountryCodes.Select(reference.CountryName).ToList(),
                MainThemeKey = p.MainThemeId is { } main ? reference.ThemesById.GetValueOrDefault(main)?.Key : null,
                MainThemeName = p.MainThemeId is { } theme ? reference.ThemesById.GetValueOrDefault(theme)?.Name : null,
                OtherThemeKeys = p.OtherThemeKeys,
                Form = p.Form,
                Context = p.Context,
                History = p.History,
                Objectives = p.Objectives,
                Description = p.Description,
                Beneficiaries = p.Beneficiaries,
                TotalCostAmount = p.TotalCostAmount,
                TotalCostCurrency = p.TotalCostCurrency,
                IsTriennial = p.IsTriennial,
                CommunicationInFrance = p.CommunicationInFrance,
                CommunicationInPartnerCountry = p.CommunicationInPartnerCountry,
                EvaluationPolicy = p.EvaluationPolicy,
                Source = p.Source,
                UpdatedAt = p.UpdatedAt,
            };
        }
    }
}
