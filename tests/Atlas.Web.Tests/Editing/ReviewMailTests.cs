using Atlas.Core.Editing;
using Atlas.Core.Editing.Review;
using Atlas.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Atlas.Web.Tests.Editing;

/// <summary>The review's mail: the correspondent of the project's country is told a change waits, its author what became of it.</summary>
public sealed class ReviewMailTests(TestDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Rabat_correspondent_is_mailed_when_a_change_waits_and_its_author_when_it_is_sent_back_then_approved()
    {
        await using var h = await EditingHarness.StartAsync(database);
        var (values, version) = await h.LoadProjectAsync(h.WoippySaleProject);
        values.Title = "Développement social des quartiers de Salé (proposé par Woippy)";
        var first = await SubmitAsync(h, version, values);

        // The harness's only correspondent covering Morocco; not the Beirut one, nor the administrator (a correspondent covers it).
        var waiting = Assert.Single(h.Mail.Sent);
        Assert.Equal(("rachid.rabat@example.org", "Rachid Rabat", "review-waiting"), (waiting.ToAddress, waiting.ToName, waiting.Kind));
        Assert.Contains("Wanda Woippy propose une modification du projet « ", waiting.Text, StringComparison.Ordinal);
        Assert.Equal(AtlasApp.PublicBaseUrl + ReviewMail.ReviewPath, waiting.Link);

        await ReviewAsync(h, q => q.SendBackAsync(h.RabatCorrespondent, first, "Gardez le titre d’origine.", Ct));
        var sentBack = h.Mail.Sent[^1];
        Assert.Equal(("wanda.woippy@example.org", "review-sent-back"), (sentBack.ToAddress, sentBack.Kind));
        Assert.Contains("Rachid Rabat vous renvoie votre modification", sentBack.Text, StringComparison.Ordinal);
        Assert.Contains("« Gardez le titre d’origine. »", sentBack.Text, StringComparison.Ordinal);
        Assert.Equal(AtlasApp.PublicBaseUrl + ReviewMail.SubmissionsPath, sentBack.Link);

        var second = await SubmitAsync(h, version, values);
        Assert.Equal(3, h.Mail.Sent.Count); // waiting, sent back, waiting again
        Assert.IsType<EditResult.Saved>(await ReviewAsync(h, q => q.ApproveAsync(h.RabatCorrespondent, second, Ct)));
        var approved = h.Mail.Sent[^1];
        Assert.Equal(("wanda.woippy@example.org", "review-approved"), (approved.ToAddress, approved.Kind));
        Assert.Equal($"{AtlasApp.PublicBaseUrl}/projets/{h.WoippySaleProject}", approved.Link);
        Assert.Empty(h.Mail.To("bachir.beyrouth@example.org"));
        Assert.Empty(h.Mail.To("ada.admin@example.org"));
    }

    private static async Task<long> SubmitAsync(EditingHarness h, uint version, Core.Projects.ProjectValues values)
    {
        var result = await h.WithAsync(sp => sp.GetRequiredService<ProjectSubmission>().SaveAsync(h.WoippyEditor, h.WoippySaleProject, version, values, Ct));
        return Assert.IsType<SubmissionResult.Submitted>(result).PendingChangeId;
    }

    private static Task<EditResult> ReviewAsync(EditingHarness h, Func<ReviewQueue, Task<EditResult>> action) =>
        h.WithAsync(sp => action(sp.GetRequiredService<ReviewQueue>()));
}
