using Atlas.Core.Editing.Deletion;

namespace Atlas.Web.Pages.Supprimer;

/// <summary>The portal's words and addresses for each kind of record that is deleted and restored.</summary>
public static class RecordPages
{
    private static readonly Dictionary<string, RecordKind> Slugs = new(StringComparer.Ordinal)
    {
        ["projet"] = RecordKind.Project,
        ["partenariat"] = RecordKind.Partnership,
        ["collectivite"] = RecordKind.Authority,
        ["organisation"] = RecordKind.Organisation,
        ["poste"] = RecordKind.DiplomaticPost,
    };

    public static bool TryParse(string? slug, out RecordKind kind) => Slugs.TryGetValue(slug ?? "", out kind);

    public static string Slug(RecordKind kind) => Slugs.Single(s => s.Value == kind).Key;

    /// <summary>The page that asks to confirm a deletion.</summary>
    public static string DeleteUrl(RecordKind kind, int id) => $"/supprimer/{Slug(kind)}/{id}";

    /// <summary>The record's public page, when it has one.</summary>
    public static string? PublicUrl(RecordKind kind, int id) => kind switch
    {
        RecordKind.Project => $"/projets/{id}",
        RecordKind.Partnership => $"/partenariats/{id}",
        RecordKind.Authority => $"/collectivites/{id}",
        RecordKind.DiplomaticPost => $"/postes/{id}",
        _ => null,
    };

    public static bool IsFeminine(RecordKind kind) => kind is RecordKind.Authority or RecordKind.Organisation or RecordKind.Funding;

    /// <summary>"ce projet", "cette collectivité"…</summary>
    public static string This(RecordKind kind) => (IsFeminine(kind) ? "cette " : "ce ") + RecordKinds.Label(kind);

    /// <summary>"supprimé", "supprimée"… as the kind agrees.</summary>
    public static string Agreed(RecordKind kind, string participle) => IsFeminine(kind) ? participle + "e" : participle;
}
