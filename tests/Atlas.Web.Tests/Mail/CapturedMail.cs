using System.Collections.Concurrent;
using Atlas.Core.Mail;

namespace Atlas.Web.Tests.Mail;

/// <summary>An <see cref="IOutgoingMail"/> that keeps what it is given, for tests to read.</summary>
public sealed class CapturedMail : IOutgoingMail
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();

    public IReadOnlyList<OutgoingMail> Sent => [.. _sent];

    public IReadOnlyList<OutgoingMail> To(string address) =>
        [.. _sent.Where(m => string.Equals(m.ToAddress, address, StringComparison.OrdinalIgnoreCase))];

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
