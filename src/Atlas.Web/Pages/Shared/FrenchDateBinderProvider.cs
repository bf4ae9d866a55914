using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>Gives every date of a form the <see cref="FrenchDateBinder"/>.</summary>
public sealed class FrenchDateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new FrenchDateBinder() : null;
    }
}
