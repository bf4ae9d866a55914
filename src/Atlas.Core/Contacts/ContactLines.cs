namespace Atlas.Core.Contacts;

/// <summary>
/// Applies submitted contact lines to the contacts of one owner (an authority, a diplomatic post, a partnership, a project),
/// the same way for all: a line with an id changes that contact, a line without one adds a contact, a contact left out is
/// removed; the lines' order is kept in <see cref="Contact.SortOrder"/>. A line may only name a contact of that owner.
/// </summary>
public static class ContactLines
{
    private static readonly string ContactType = RecordedTypes.NameOf<Contact>();

    /// <summary>An authority's own contacts: not those it has for a partnership or a project.</summary>
    public static readonly Expression<Func<Contact, bool>> OfAuthority = c => c.ProjectId == null && c.PartnershipId == null;

    private static readonly Func<Contact, bool> IsAuthoritysOwn = OfAuthority.Compile();

    /// <summary>An authority's own contacts among those loaded.</summary>
    public static IEnumerable<Contact> AuthoritysOwn(IEnumerable<Contact> contacts) => contacts.Where(IsAuthoritysOwn);

    /// <summary>The index of the first line naming a contact the owner does not have, or null when every line is the owner's or new.</summary>
    public static int? ForeignLine(IReadOnlyList<ContactValues>? lines, IReadOnlyCollection<Contact> owned)
    {
        if (lines is null) return null;
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Id is { } id && owned.All(c => c.Id != id)) return i;
        return null;
    }

    /// <summary>The refusal of a line naming a contact that is not the owner's.</summary>
    public static EditResult.Invalid Foreign(int line) =>
        EditResult.Invalid.Of($"{nameof(IHasContactLines.Contacts)}[{line}].{nameof(ContactValues.Id)}", "unknown_contact",
            "Ce contact n'appartient pas à cet enregistrement.");

    /// <summary>
    /// Makes <paramref name="owned"/> (the owner's contacts, tracked) what the lines say; <paramref name="create"/> gives a new
    /// contact already tied to the owner. Lines are valid and name only owned contacts (<see cref="ForeignLine"/>). A contact left
    /// out is deleted softly at <paramref name="now"/>, for an administrator to restore; no lines (null) changes nothing.
    /// </summary>
    public static void Apply(List<Contact> owned, IReadOnlyList<ContactValues>? lines, Func<Contact> create, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(create);
        if (lines is null) return;
        var kept = lines.Where(l => l.Id is not null).Select(l => l.Id!.Value).ToHashSet();
        foreach (var removed in owned.Where(c => !kept.Contains(c.Id) && c.DeletedAt is null))
            removed.DeletedAt = now;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var contact = line.Id is { } id ? owned.Single(c => c.Id == id) : create();
            contact.LastName = EditingRules.Trimmed(line.LastName);
            contact.FirstName = EditingRules.Trimmed(line.FirstName);
            contact.Function = EditingRules.Trimmed(line.Function);
            contact.Email = EditingRules.Trimmed(line.Email);
            contact.Phone = EditingRules.Trimmed(line.Phone);
            contact.Role = EditingRules.Trimmed(line.Role) is { } role ? EnumCode<ContactRole>.Parse(role) : ContactRole.Other;
            contact.SortOrder = i;
            if (line.Id is null) owned.Add(contact);
        }
    }

    /// <summary>
    /// Whether a change of the history is one of the owner's contacts: a contact it has now, or one it had (its creation or removal
    /// names the owner in <paramref name="ownerField"/>), so that a conflict tells the contacts someone else added, changed or removed.
    /// </summary>
    public static Func<ChangeRecord, bool> InHistory(string ownerField, int ownerId, IEnumerable<int> current)
    {
        var owner = ownerId.ToString(CultureInfo.InvariantCulture);
        var ids = current.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        return r => r.EntityType == ContactType
            && (ids.Contains(r.EntityId) || r.Changes.Any(c => c.Field == ownerField && (c.Old == owner || c.New == owner)));
    }
}
