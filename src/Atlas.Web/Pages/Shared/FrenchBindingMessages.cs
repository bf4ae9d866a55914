using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Atlas.Web.Pages.Shared;

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
