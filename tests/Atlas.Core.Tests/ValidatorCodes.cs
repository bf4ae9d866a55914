using FluentValidation;
using FluentValidation.Validators;

namespace Atlas.Core.Tests;

/// <summary>
/// The error codes a validator can give, read from its rules rather than from a run: a test that only checks the errors of
/// one input says nothing of the rules that input does not break, and one that checks a hand-kept list of codes says
/// nothing of the rules.
/// </summary>
internal static class ValidatorCodes
{
    /// <summary>Every rule's code (its own, or the one FluentValidation gives a rule without one), with those of the child validators it runs, each once.</summary>
    public static IReadOnlySet<string> Of(IValidator validator)
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        Collect(validator, codes);
        return codes;
    }

    private static void Collect(IValidator validator, SortedSet<string> codes)
    {
        foreach (var rule in (IEnumerable<IValidationRule>)validator)
        {
            foreach (var component in rule.Components)
            {
                if (component.Validator is IChildValidatorAdaptor) Collect(ChildOf(component.Validator), codes);
                else codes.Add(component.ErrorCode ?? ValidatorOptions.Global.ErrorCodeResolver(component.Validator));
            }
        }
    }

    /// <summary>
    /// The validator a SetValidator, ChildRules or Include adaptor runs. Only the adaptor's GetValidator gives it out; for a
    /// validator given as an instance, as all of Atlas's are, it answers that instance whatever the context.
    /// </summary>
    private static IValidator ChildOf(IPropertyValidator adaptor)
    {
        var arguments = adaptor.GetType().GetGenericArguments();
        var contextType = typeof(ValidationContext<>).MakeGenericType(arguments[0]);
        var getValidator = adaptor.GetType().GetMethod("GetValidator", [contextType, arguments[1]])
            ?? throw new InvalidOperationException($"{adaptor.GetType()} has no GetValidator: FluentValidation changed its adaptors.");
        var context = Activator.CreateInstance(contextType, [null]);
        return (IValidator?)getValidator.Invoke(adaptor, [context, null])
            ?? throw new InvalidOperationException($"{adaptor.GetType()} gave no validator without an instance: read its rules another way.");
    }
}
