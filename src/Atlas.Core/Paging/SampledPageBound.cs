namespace Atlas.Core.Paging;

/// <summary>
/// Where a page of a list in name (or title) order ends, from the list's sample bucket (one row in
/// <see cref="Projects.ProjectSearch.SampleRate"/>): the k-th sampled name stands for about the 64 × k-th match. The matches
/// whose name is at most such a name are the beginning of the list, so when they hold the whole page the page can be read
/// among them, on the name index from the first name to that one, instead of sorting every match (the directories' page of a
/// common name: 25,600 authorities or 49,475 partnerships for « saint » at scale 100). The caller reads the page again
/// without the bound when the bounded read comes back short (the sample fell short, or the list ends there).
/// </summary>
public static class SampledPageBound
{
    /// <summary>
    /// The sampled name half as far again as the page's end, and two names further (the first page then ends past the
    /// bound about once in 250); null when the sample holds no such name.
    /// </summary>
    public static string? Of(IEnumerable<string> sampledNames, int offset, int limit)
    {
        var k = (int)Math.Ceiling((offset + limit) * 1.5 / Projects.ProjectSearch.SampleRate) + 2;
        var names = sampledNames.Order(FrenchOrder.Comparer).ToList();
        return k <= names.Count ? names[k - 1] : null;
    }
}
