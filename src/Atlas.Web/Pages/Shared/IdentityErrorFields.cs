namespace Atlas.Web.Pages.Shared;

/// <summary>Where an Identity error is shown: beside the field it is about, or above the form.</summary>
public static class IdentityErrorFields
{
    public static void AddTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IEnumerable<IdentityError> errors,
        string passwordField, string? emailField = null, string? currentPasswordField = null)
    {
        foreach (var error in errors)
        {
            var field = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) when currentPasswordField is not null => currentPasswordField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch) => passwordField,
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.DuplicateEmail)
                    or nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.DuplicateUserName) when emailField is not null => emailField,
                _ => "",
            };
            // Two codes can say the same thing (duplicate user name and e-mail): say it once.
            if (modelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == error.Description)) continue;
            modelState.AddModelError(field, error.Description);
        }
    }

    /// <summary>Passwords are checked by Identity's validators before anything is saved, so that the message lands beside the field.</summary>
    public static async Task<bool> CheckPasswordAsync(UserManager<Core.Accounts.AtlasUser> users, Core.Accounts.AtlasUser user, string password,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string passwordField)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors);
        }
        AddTo(modelState, errors, passwordField);
        return errors.Count == 0;
    }

    internal static string PasswordRule => $"Au moins {AccountsSetup.MinPasswordLength} caractères. Une phrase de passe facile à retenir convient.";
}
