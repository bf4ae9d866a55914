namespace Atlas.Core.Editing;

/// <summary>A field someone else changed, with its values and its author.</summary>
public sealed record ChangedField(string EntityType, string EntityId, ChangeAction Action, string? Field, string? Old, string? New, string UserName, DateTimeOffset At)
{
    public string Path => EntityType == RecordedTypes.NameOf<Projects.Project>()
        ? Field ?? EntityType
        : Field is null ? $"{EntityType}/{EntityId}" : $"{EntityType}/{EntityId}.{Field}";
}
