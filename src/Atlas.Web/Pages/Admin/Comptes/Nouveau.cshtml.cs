using Atlas.Web.Pages.Compte;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Admin.Comptes;

/// <summary>/admin/comptes/nouveau: an administrator creates an account, with a first password or a link to choose one.</summary>
[Authorize(Policy = AtlasPolicies.Administrator)]
public sealed class NouveauModel(UserManager<AtlasUser> users, PasswordResetLinks links, AccountScopes scopes, TimeProvider time)
    : AccountFormModel(scopes)
{
    public const string SendLink = "lien";
    public const string SetPassword = "mot-de-passe";

    public static readonly IReadOnlyList<FieldOption> PasswordModes =
    [
        new(SendLink, "Envoyer à la personne un lien pour choisir son mot de passe (valable 24 heures)"),
        new(SetPassword, "Choisir un mot de passe initial, à lui transmettre"),
    ];

    [BindProperty]
    [Required(ErrorMessage = "Saisissez l'adresse électronique de la personne.")]
    [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, comme nom@exemple.fr.")]
    [StringLength(256, ErrorMessage = "L'adresse compte au plus 256 caractères.")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choisissez comment la personne obtient son mot de passe.")]
    public string? PasswordMode { get; set; } = SendLink;

    [BindProperty]
    public string? InitialPassword { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadOptionsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (IsSearch)
        {
            await SearchAsync(ct);
            return Page();
        }

        await ValidateScopeAsync(ct);
        var email = Trimmed(Email);
        if (ModelState.GetFieldValidationState(nameof(Email)) != ModelValidationState.Invalid && await users.FindByEmailAsync(email) is not null)
            ModelState.AddModelError(nameof(Email), "Un compte existe déjà avec cette adresse électronique.");
        var user = new AtlasUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Trimmed(DisplayName),
            Role = ParsedRole ?? EditorRole.Correspondent,
            DiplomaticPostId = DiplomaticPostId,
            LocalAuthorityId = LocalAuthorityId,
            CreatedAt = time.GetUtcNow(),
        };
        if (PasswordMode is not (SendLink or SetPassword) && PasswordMode is not null)
            ModelState.AddModelError(nameof(PasswordMode), "Choisissez l'une des deux possibilités.");
        if (PasswordMode == SetPassword)
        {
            if (string.IsNullOrEmpty(InitialPassword))
                ModelState.AddModelError(nameof(InitialPassword), "Saisissez le mot de passe initial, ou choisissez d'envoyer un lien.");
            else
                await IdentityErrorFields.CheckPasswordAsync(users, user, InitialPassword, ModelState, nameof(InitialPassword));
        }
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(ct);
            return Page();
        }

        var result = PasswordMode == SetPassword ? await users.CreateAsync(user, InitialPassword!) : await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            IdentityErrorFields.AddTo(ModelState, result.Errors, nameof(InitialPassword), nameof(Email));
            await LoadOptionsAsync(ct);
            return Page();
        }
        if (PasswordMode == SendLink)
        {
            Notice = await links.SendAsync(user, Request, "L’équipe de l’atlas vient de vous ouvrir un compte d’éditeur.")
                ? $"Le compte de {user.DisplayName} est créé ; un lien pour choisir son mot de passe a été envoyé à {user.Email}."
                : $"Le compte de {user.DisplayName} est créé, mais aucun lien n'a pu lui être envoyé : {PasswordResetLinks.Unsent}";
        }
        else
        {
            Notice = $"Le compte de {user.DisplayName} est créé. Transmettez-lui son mot de passe initial par un autre canal que la messagerie.";
        }
        return RedirectToPage("/Admin/Comptes/Index");
    }
}
