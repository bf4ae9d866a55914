namespace Atlas.Core.Editing;

/// <summary>
/// What an editor may edit, as filters on the tables, so that one rule answers both "may I edit this record" and "the records
/// I may edit" — and pages and API alike, since both go through Core:
/// an administrator edits everything; a correspondent the records whose foreign partner is in a country of their post (a
/// project by its countries, a partnership by its authorities' countries, an authority by its own), their post and its
/// contacts; an authority editor the projects and partnerships in which their authority takes part, and its own record.
/// Organisations and their contacts are the administrators'. Contacts, funding lines, volunteers and participants follow the
/// record they belong to.
/// </summary>
public sealed class EditingScope(AtlasDbContext db)
{
    public IQueryable<Project> Projects(Editor editor) => ByRole(editor, db.Projects,
        countries => p => countries.Any(c => p.CountryCodes.Contains(c)),
        authority => ArrayColumns.Holds<Project, int>(p => p.AuthorityIds, authority));

    public IQueryable<Partnership> Partnerships(Editor editor) => ByRole(editor, db.Partnerships,
        countries => p => p.Authorities.Any(pa => countries.Contains(pa.LocalAuthority!.CountryCode)),
        authority => p => p.Authorities.Any(pa => pa.LocalAuthorityId == authority));

    public IQueryable<LocalAuthority> Authorities(Editor editor) => ByRole(editor, db.LocalAuthorities,
        countries => a => countries.Contains(a.CountryCode),
        authority => a => a.Id == authority);

    public IQueryable<Organisation> Organisations(Editor editor) =>
        editor.Role == EditorRole.Administrator ? db.Organisations : db.Organisations.Where(_ => false);

    public IQueryable<DiplomaticPost> DiplomaticPosts(Editor editor) => editor.Role switch
    {
        EditorRole.Administrator => db.DiplomaticPosts,
        EditorRole.Correspondent => db.DiplomaticPosts.Where(p => p.Id == editor.DiplomaticPostId),
        _ => db.DiplomaticPosts.Where(_ => false),
    };

    public IQueryable<Funding> Fundings(Editor editor) => OfProjects(editor, db.Fundings, f => f.ProjectId);

    public IQueryable<Volunteer> Volunteers(Editor editor) => OfProjects(editor, db.Volunteers, v => v.ProjectId);

    public IQueryable<ProjectParticipant> Participants(Editor editor) => OfProjects(editor, db.ProjectParticipants, pp => pp.ProjectId);

    public IQueryable<Contact> Contacts(Editor editor)
    {
        if (editor.Role == EditorRole.Administrator) return db.Contacts;
        var posts = DiplomaticPosts(editor);
        var authorities = Authorities(editor);
        var partnerships = Partnerships(editor);
        var projects = Projects(editor);
        return db.Contacts.Where(c =>
            posts.Any(p => p.Id == c.DiplomaticPostId) || authorities.Any(a => a.Id == c.LocalAuthorityId)
            || partnerships.Any(p => p.Id == c.PartnershipId) || projects.Any(p => p.Id == c.ProjectId));
    }

    public Task<bool> MayEditProjectAsync(Editor editor, int id, CancellationToken ct = default) => Projects(editor).AnyAsync(p => p.Id == id, ct);

    public Task<bool> MayEditPartnershipAsync(Editor editor, int id, CancellationToken ct = default) => Partnerships(editor).AnyAsync(p => p.Id == id, ct);

    public Task<bool> MayEditAuthorityAsync(Editor editor, int id, CancellationToken ct = default) => Authorities(editor).AnyAsync(a => a.Id == id, ct);

    public Task<bool> MayEditOrganisationAsync(Editor editor, int id, CancellationToken ct = default) => Organisations(editor).AnyAsync(o => o.Id == id, ct);

    public Task<bool> MayEditDiplomaticPostAsync(Editor editor, int id, CancellationToken ct = default) => DiplomaticPosts(editor).AnyAsync(p => p.Id == id, ct);

    public Task<bool> MayEditFundingAsync(Editor editor, int id, CancellationToken ct = default) => Fundings(editor).AnyAsync(f => f.Id == id, ct);

    public Task<bool> MayEditVolunteerAsync(Editor editor, int id, CancellationToken ct = default) => Volunteers(editor).AnyAsync(v => v.Id == id, ct);

    public Task<bool> MayEditContactAsync(Editor editor, int id, CancellationToken ct = default) => Contacts(editor).AnyAsync(c => c.Id == id, ct);

    /// <summary>A new project joins a partnership the editor may edit.</summary>
    public Task<bool> MayCreateProjectInAsync(Editor editor, int partnershipId, CancellationToken ct = default) =>
        MayEditPartnershipAsync(editor, partnershipId, ct);

    /// <summary>The records that belong to a project the editor may edit.</summary>
    private IQueryable<T> OfProjects<T>(Editor editor, IQueryable<T> records, Expression<Func<T, int>> projectId) =>
        editor.Role == EditorRole.Administrator ? records : records.Join(Projects(editor), projectId, p => p.Id, (record, _) => record);

    /// <summary>All the records for an administrator; for a correspondent, those in their post's countries; for an authority editor, their authority's.</summary>
    private IQueryable<T> ByRole<T>(Editor editor, IQueryable<T> records,
        Func<IQueryable<string>, Expression<Func<T, bool>>> inCountries, Func<int, Expression<Func<T, bool>>> ofAuthority) => editor switch
    {
        { Role: EditorRole.Administrator } => records,
        { Role: EditorRole.Correspondent } => records.Where(inCountries(
            db.DiplomaticPostCountries.Where(pc => pc.DiplomaticPostId == editor.DiplomaticPostId).Select(pc => pc.CountryCode))),
        { Role: EditorRole.AuthorityEditor, LocalAuthorityId: int authority } => records.Where(ofAuthority(authority)),
        _ => records.Where(_ => false),
    };
}
