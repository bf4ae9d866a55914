using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// Reads a form field typed the French way (<see cref="FrenchDateBinder"/>, <see cref="FrenchDecimalBinder"/>): an empty field
/// is no value (null where the model allows it, the usual "required" error otherwise), one that does not read is refused
/// beside the field with the binder's example. Forms only: the API reads JSON.
/// </summary>
public abstract class FrenchFieldBinder<T> : IModelBinder where T : struct
{
    /// <summary>The French message beside a field that does not read, with an example.</summary>
    protected abstract string Refusal { get; }

    protected abstract bool Read(string text, out T value);

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
        if (Read(text, out var read))
        {
            bindingContext.Result = ModelBindingResult.Success(read);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Refusal);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        return Task.CompletedTask;
    }
}
