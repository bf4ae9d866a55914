using FluentValidation.Results;

namespace Atlas.Core.Editing;

/// <summary>What became of a submitted edit.</summary>
public abstract record EditResult
{
    private EditResult() { }

    /// <summary>Saved; <paramref name="Version"/> is the record's new version, to send with the next edit.</summary>
    public sealed record Saved(uint Version) : EditResult;

    /// <summary>A new record saved: its id, and its version to send with the next edit.</summary>
    public sealed record Created(int Id, uint Version) : EditResult;

    /// <summary>Refused by the rules: the errors of each field (named as submitted: "Title", "Fundings[0].Amount"); nothing saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, IReadOnlyList<FieldError>> Errors) : EditResult
    {
        public static Invalid Of(IEnumerable<ValidationFailure> failures) => new(failures
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FieldError>)g.Select(f => new FieldError(f.ErrorCode, f.ErrorMessage)).ToList(), StringComparer.Ordinal));

        public static Invalid Of(string field, string code, string message) =>
            new(new Dictionary<string, IReadOnlyList<FieldError>>(StringComparer.Ordinal) { [field] = [new FieldError(code, message)] });
    }

    /// <summary>The record is outside the editor's scope: nothing saved, nothing told about it.</summary>
    public sealed record Forbidden : EditResult;

    public sealed record NotFound : EditResult;

    /// <summary>
    /// Someone saved the record since the version the editor loaded: nothing saved. <paramref name="Changes"/> is what they changed
    /// (from the history; empty when the history cannot tell), <paramref name="CurrentVersion"/> the version to reload.
    /// </summary>
    public sealed record Conflict(uint CurrentVersion, IReadOnlyList<ChangedField> Changes) : EditResult
    {
        /// <summary>The fields changed: a project's own by name ("title"), a funding line's as "funding/12.amount", a line added or removed as "funding/12".</summary>
        public IReadOnlyList<string> Fields => Changes.Select(c => c.Path).Distinct(StringComparer.Ordinal).ToList();
    }
}
