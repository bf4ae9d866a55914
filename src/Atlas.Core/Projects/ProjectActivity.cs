namespace Atlas.Core.Projects;

/// <summary>
/// Whether a project is going on in a given year: the one rule the statistics page, its CSV and /api/v1/stats use
/// (docs/portal.md, « Règles de calcul »). A project goes on through a year when it started before that year and either
/// ends after it, or, with no end year, is still « en cours » and that year is at most <see cref="YearsWithoutEnd"/> years
/// after its start. A completed project with no end year, or a planned one, does not go on.
/// </summary>
public static class ProjectActivity
{
    /// <summary>
    /// How long a project with no end year is taken to last: on the demo data, 78 of the 84 projects with a start and an
    /// end year ended within three years of their start (32 the same year, 26 one year later, 11 two, 9 three). Counting
    /// such a project as going on for ever kept the « en cours » line of /statistiques flat at 68 from 2008 to 2015, when
    /// 67 of them were « en cours » only in the sense of the 2008 répertoire.
    /// </summary>
    public const int YearsWithoutEnd = 3;

    public static bool IsGoingOnIn(int year, int? startYear, int? endYear, ProjectStatus status) =>
        startYear is { } start && start < year
        && (endYear is { } end ? year < end : status == ProjectStatus.Ongoing && year <= start + YearsWithoutEnd);

    /// <summary>The last year the rule lets a project go on or end (its end year, or its start plus the assumed length), if it started.</summary>
    public static int? LastYear(int? startYear, int? endYear, ProjectStatus status) =>
        startYear is not { } start ? null
        : endYear ?? (status == ProjectStatus.Ongoing ? start + YearsWithoutEnd : start);
}
