namespace Atlas.Web.Pages.Shared;

/// <summary>The French names of roles.</summary>
public static class AccountLabels
{
    public static string Role(EditorRole role) => role switch
    {
        EditorRole.Administrator => "Administrateur",
        EditorRole.Correspondent => "Correspondant d'un poste diplomatique",
        EditorRole.AuthorityEditor => "Éditeur d'une collectivité",
        _ => role.ToString(),
    };
}
