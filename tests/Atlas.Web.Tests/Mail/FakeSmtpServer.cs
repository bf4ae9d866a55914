using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Atlas.Web.Tests.Mail;

/// <summary>
/// Just enough of an SMTP server on loopback (RFC 5321 without TLS or authentication) for MailKit to deliver to: it keeps the
/// raw DATA of each message. With <c>refuse</c> it answers 554 to DATA, as a server rejecting a message does.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly bool _refuse;
    private readonly List<string> _messages = [];

    public FakeSmtpServer(bool refuse = false)
    {
        _refuse = refuse;
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Messages
    {
        get { lock (_messages) return [.. _messages]; }
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await ConverseAsync(client.GetStream(), _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ConverseAsync(NetworkStream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.localhost ESMTP");
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-fake.localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    break;
                case "DATA":
                    if (_refuse)
                    {
                        await writer.WriteLineAsync("554 5.7.1 refused");
                        break;
                    }
                    await writer.WriteLineAsync("354 go ahead");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(ct) is { } body && body != ".") data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    lock (_messages) _messages.Add(data.ToString());
                    await writer.WriteLineAsync("250 2.0.0 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
