namespace Atlas.Core.Mail;

/// <summary>Sends the portal's messages: through SMTP when configured, otherwise into the pickup folder.</summary>
public interface IOutgoingMail
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
