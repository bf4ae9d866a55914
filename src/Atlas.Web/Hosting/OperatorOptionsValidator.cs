namespace Atlas.Web.Hosting;

/// <summary>Checks <see cref="OperatorOptions"/> when the host starts: a missing logo or a malformed address stops it with the reason.</summary>
internal sealed class OperatorOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<OperatorOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var problems = OperatorIdentity.Problems(options, environment.WebRootFileProvider);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
