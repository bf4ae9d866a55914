using Atlas.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Atlas.Web.Pages.Compte;

/// <summary>Identity's error messages, in French, as people read them beside the fields.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inconnue est survenue.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Ce compte vient d'être modifié par ailleurs : rechargez la page.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n'est plus valable : il a expiré ou a déjà servi. Demandez-en un nouveau.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Ce code de secours est incorrect ou a déjà servi.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Cet identifiant contient des caractères non admis.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Cette adresse électronique n'est pas valide.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Le mot de passe doit compter au moins {length} caractères.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir un chiffre.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Le mot de passe doit contenir une minuscule.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir une majuscule.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// <summary>Model binding's own messages (a number that is not one, a missing value), in French.</summary>
public static class FrenchBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"La valeur « {value} » n'est pas valide.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le corps de la requête est vide.");
        messages.SetValueMustBeANumberAccessor(_ => "Saisissez un nombre.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
    }
}

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
