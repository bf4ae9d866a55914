using Atlas.Core.Data;
using Atlas.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Atlas.Core.Projects;

/// <summary>A project with everything its public record shows, and the embassies that follow its partner countries.</summary>
public sealed record ProjectRecord(Project Project, IReadOnlyList<DiplomaticPost> Posts);

public sealed class ProjectRecordQuery(AtlasDbContext db)
{
    public async Task<ProjectRecord?> GetAsync(int id, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Partnership!).ThenInclude(pa => pa.Authorities).ThenInclude(a => a.LocalAuthority!).ThenInclude(a => a.Country)
            .Include(p => p.Themes).ThenInclude(t => t.Theme)
            .Include(p => p.Participants).ThenInclude(pp => pp.LocalAuthority!).ThenInclude(a => a.Country)
            .Include(p => p.Participants).ThenInclude(pp => pp.Organisation)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderAuthority)
            .Include(p => p.Fundings).ThenInclude(f => f.FunderOrganisation)
            .Include(p => p.Contacts).ThenInclude(c => c.LocalAuthority)
            .Include(p => p.Contacts).ThenInclude(c => c.Organisation)
            .Include(p => p.Volunteers)
            .FirstOrDefaultAsync(p => p.Id == id, ct).ConfigureAwait(false);
        if (project is null) return null;

        project.Participants = project.Participants.OrderBy(p => p.SortOrder).ToList();
        project.Fundings = project.Fundings.OrderBy(f => f.SortOrder).ToList();
        project.Contacts = project.Contacts.OrderBy(c => c.SortOrder).ToList();

        var countries = project.CountryCodes;
        var posts = await db.DiplomaticPosts.AsNoTracking()
            .Include(p => p.Contacts.OrderBy(c => c.SortOrder))
            .Include(p => p.Countries)
            .Where(p => p.Countries.Any(c => countries.Contains(c.CountryCode)))
            .OrderBy(p => p.Name)
            .ToListAsync(ct).ConfigureAwait(false);
        return new ProjectRecord(project, posts);
    }
}
