namespace Atlas.Web.Api.Exports;

/// <summary>A licence of a Data Package (Frictionless "licenses").</summary>
/// <param name="Name">Its SPDX identifier (etalab-2.0).</param>
/// <param name="Path">Where its text is.</param>
/// <param name="Title">Its name.</param>
public sealed record LicenceDto(string Name, string Path, string Title);
