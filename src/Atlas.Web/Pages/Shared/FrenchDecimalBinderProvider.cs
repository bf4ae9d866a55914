using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>Gives every decimal of a form (amounts) the <see cref="FrenchDecimalBinder"/>.</summary>
public sealed class FrenchDecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new FrenchDecimalBinder() : null;
    }
}
