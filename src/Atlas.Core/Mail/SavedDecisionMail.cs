namespace Atlas.Core.Mail;

/// <summary>
/// Sends the mail that tells of a decision already saved (a review, an account request): a message that cannot be written is
/// logged, never turned into an error page, since what it tells is recorded whatever happens to it.
/// </summary>
public static partial class SavedDecisionMail
{
    public static async Task SendAfterSavingAsync(this IOutgoingMail mail, OutgoingMail message, ILogger logger, CancellationToken ct)
    {
        try
        {
            await mail.SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogMailFailed(logger, e, message.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Kind} message could not be written")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string kind);
}
