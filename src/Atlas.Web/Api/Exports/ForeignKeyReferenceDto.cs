namespace Atlas.Web.Api.Exports;

/// <summary>What a foreign key points to.</summary>
/// <param name="Resource">The name of the resource.</param>
/// <param name="Fields">Its key columns.</param>
public sealed record ForeignKeyReferenceDto(string Resource, IReadOnlyList<string> Fields);
