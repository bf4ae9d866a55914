using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Atlas.Web.Pages.Shared;

/// <summary>Gives every date of a form the <see cref="FrenchDateBinder"/> and every decimal (amounts) the <see cref="FrenchDecimalBinder"/>.</summary>
public sealed class FrenchFieldBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Metadata.UnderlyingOrModelType;
        return type == typeof(DateOnly) ? new FrenchDateBinder() : type == typeof(decimal) ? new FrenchDecimalBinder() : null;
    }
}
