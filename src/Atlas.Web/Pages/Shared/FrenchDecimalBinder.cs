using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Reads an amount typed in a form the French way or the international way: "15 000,50", "15000,50" and "15000.50" are one
/// amount (spaces, including the non-breaking ones French typography puts between thousands, are ignored; a comma or a point
/// marks the decimals). Anything else is refused beside the field with an example. Forms only: the API reads JSON numbers.
/// </summary>
public sealed class FrenchDecimalBinder : IModelBinder
{
    public const string Message = "Saisissez un montant en chiffres, par exemple 15 000,50.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);

        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty field is no amount: null where the model allows it, the usual "required" error otherwise.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (TryParse(text, out var amount))
        {
            bindingContext.Result = ModelBindingResult.Success(amount);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }

    public static bool TryParse(string text, out decimal amount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F')).Replace(',', '.');
        return decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }
}
