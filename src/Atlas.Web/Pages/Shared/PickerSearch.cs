namespace Atlas.Web.Pages.Shared;

/// <summary>
/// What a search in a picker found: the text searched, the records offered (at most <see cref="RecordPicker.MaxCandidates"/>), an
/// error; or, with <paramref name="Heading"/>, records offered for another reason (those someone else added meanwhile).
/// </summary>
public sealed record PickerSearch(string Query, IReadOnlyList<PickedRecord> Candidates, string? Error = null, string? Heading = null);
