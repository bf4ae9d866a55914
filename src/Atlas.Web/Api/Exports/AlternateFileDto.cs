namespace Atlas.Web.Api.Exports;

/// <summary>The same table in another format.</summary>
/// <param name="Path">URL of the file, relative to this document.</param>
/// <param name="Format">Format (jsonl).</param>
/// <param name="Mediatype">Media type (application/x-ndjson).</param>
public sealed record AlternateFileDto(string Path, string Format, string Mediatype);
