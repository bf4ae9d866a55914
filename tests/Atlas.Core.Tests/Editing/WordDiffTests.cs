using Atlas.Core.Editing;

namespace Atlas.Core.Tests.Editing;

/// <summary>A long text's change is shown word by word, its paragraphs where they were.</summary>
public sealed class WordDiffTests
{
    private static string Marked(IReadOnlyList<DiffSegment> segments) => string.Concat(segments.Select(s => s.Kind switch
    {
        DiffKind.Removed => $"[-{s.Text}-]",
        DiffKind.Added => $"{{+{s.Text}+}}",
        _ => s.Text,
    }));

    [Fact]
    public void One_changed_word_in_a_paragraph_is_the_only_difference_marked() =>
        Assert.Equal("Former les agents [-municipaux-]{+communaux+} de Salé à la gestion des déchets.",
            Marked(WordDiff.Between("Former les agents municipaux de Salé à la gestion des déchets.",
                "Former les agents communaux de Salé à la gestion des déchets.")));

    [Fact]
    public void A_changed_phrase_reads_as_one_removal_and_one_addition() =>
        Assert.Equal("Former les [-agents municipaux-]{+techniciens communaux+} de Salé.",
            Marked(WordDiff.Between("Former les agents municipaux de Salé.", "Former les techniciens communaux de Salé.")));

    [Fact]
    public void A_paragraph_added_keeps_its_line_breaks_and_the_others_are_unchanged()
    {
        var segments = WordDiff.Between("Premier paragraphe.\n\nDeuxième paragraphe.", "Premier paragraphe.\n\nNouveau.\n\nDeuxième paragraphe.");
        Assert.Equal("Premier paragraphe.\n\n{+Nouveau.\n\n+}Deuxième paragraphe.", Marked(segments));
        Assert.Equal("Premier paragraphe.\n\nNouveau.\n\nDeuxième paragraphe.", string.Concat(segments.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
    }

    [Fact]
    public void The_old_and_new_texts_are_both_rebuilt_from_the_segments()
    {
        const string before = "Accès à l’eau potable pour 12 000 habitants ; formation des fontainiers, suivi sanitaire.";
        const string after = "Accès à l’eau potable pour 15 000 habitants ; formation des techniciens, suivi sanitaire et comités d’usagers.";
        var segments = WordDiff.Between(before, after);
        Assert.Equal(before, string.Concat(segments.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(segments.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text)));
        Assert.Contains(new DiffSegment("techniciens", DiffKind.Added), segments);
        Assert.Contains(new DiffSegment("fontainiers", DiffKind.Removed), segments);
    }

    [Fact]
    public void A_text_added_where_there_was_none_is_one_addition() =>
        Assert.Equal([new DiffSegment("Bénéficiaires : les écoles.", DiffKind.Added)], WordDiff.Between(null, "Bénéficiaires : les écoles."));
}
