using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Reads a date typed in a form the one way the forms show it, « 31/12/2015 » (day and month may have one digit), or as
/// ISO 8601 « 2015-12-31 » (what a browser's date picker sends, and what older bookmarks of the forms hold). The forms used
/// to show a hint « AAAA-MM-JJ » over a picker drawn in the browser's own locale (mm/dd/yyyy in an English one): now every
/// date is one text field in the French order. Anything else is refused beside the field with an example. Forms only.
/// </summary>
public sealed class FrenchDateBinder : IModelBinder
{
    public const string Message = "Saisissez une date sous la forme JJ/MM/AAAA, par exemple 31/12/2015.";
    /// <summary>How the forms show a date.</summary>
    public const string Shape = "dd/MM/yyyy";

    private static readonly string[] Shapes = ["d/M/yyyy", "yyyy-MM-dd"];

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);

        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType) bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (TryParse(text, out var date))
        {
            bindingContext.Result = ModelBindingResult.Success(date);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }

    public static bool TryParse(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim().Replace('.', '/').Replace(' ', '/'), Shapes, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A date as the forms show it: « 31/12/2015 ».</summary>
    public static string Show(DateOnly date) => date.ToString(Shape, CultureInfo.InvariantCulture);
}
