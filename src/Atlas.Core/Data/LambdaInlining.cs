namespace Atlas.Core.Data;

/// <summary>
/// A lambda's body with its parameters replaced by the given expressions: what <c>Expression.Invoke</c> means, written out.
/// EF Core inlines an invocation itself, on every query it receives, before looking up its cache: in a profile of the API's
/// project list (demo data, 16 clients), visiting the invocations of the filters took 4.8 % of the app's CPU.
/// </summary>
public static class LambdaInlining
{
    public static Expression Inline(LambdaExpression lambda, params Expression[] arguments)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != lambda.Parameters.Count) throw new ArgumentException($"The lambda takes {lambda.Parameters.Count} arguments, not {arguments.Length}.", nameof(arguments));
        return new Substitution(lambda.Parameters, arguments).Visit(lambda.Body);
    }

    private sealed class Substitution(IReadOnlyList<ParameterExpression> parameters, Expression[] arguments) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] == node) return arguments[i];
            }
            return node;
        }
    }
}
