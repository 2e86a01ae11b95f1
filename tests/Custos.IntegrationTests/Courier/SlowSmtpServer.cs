using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// A small but real SMTP server on a free loopback port for the courier's failure tests. Like an MTA, it takes a mail
/// the moment the client ends its DATA, then answers <c>250</c> only after <see cref="ReplyDelay"/>: the window in which
/// a client that dies cannot know its mail went out. <see cref="HoldReplyTo"/> keeps the answer to one mail back until
/// <see cref="ReleaseHold"/>, so a test can act (restart the database, kill the worker) at a known point of a batch;
/// <see cref="HoldDataOf"/> holds the <c>354</c> to a DATA command instead, before the mail is taken.
/// Mails are counted by envelope recipient (<c>RCPT TO</c>), whatever the client library.
/// </summary>
public sealed class SlowSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedSmtpMail> _mails = [];
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdIndex;
    private int _holdDataIndex;
    private int _dataCommands;

    public SlowSmtpServer(TimeSpan replyDelay)
    {
        ReplyDelay = replyDelay;
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TimeSpan ReplyDelay { get; }

    /// <summary>Completes when the mail of <see cref="HoldReplyTo"/> has been taken and its answer is held back.</summary>
    public Task Held => _held.Task;

    /// <summary>Holds back the answer to the <paramref name="index"/>-th mail (1-based) until <see cref="ReleaseHold"/>.</summary>
    public void HoldReplyTo(int index) => _holdIndex = index;

    /// <summary>Holds back the <c>354</c> answer to the <paramref name="index"/>-th DATA command (1-based): that mail is not taken yet.</summary>
    public void HoldDataOf(int index) => _holdDataIndex = index;

    public void ReleaseHold() => _released.TrySetResult();

    /// <summary>The mails taken so far.</summary>
    public IReadOnlyList<ReceivedSmtpMail> Mails
    {
        get { lock (_mails) { return _mails.ToList(); } }
    }

    /// <summary>How many mails each recipient got.</summary>
    public Dictionary<string, int> CountByRecipient() =>
        Mails.SelectMany(m => m.Recipients).GroupBy(r => r, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var recipients = new List<string>();
        try
        {
            await ReplyAsync(stream, "220 slow.test ESMTP");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await ReplyAsync(stream, "250 slow.test");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await ReplyAsync(stream, "250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.LastIndexOf('>')]);
                        await ReplyAsync(stream, "250 OK");
                        break;
                    case "DATA":
                        if (Interlocked.Increment(ref _dataCommands) == _holdDataIndex)
                        {
                            _held.TrySetResult();
                            await _released.Task.WaitAsync(_stop.Token);
                        }

                        await ReplyAsync(stream, "354 end with <CRLF>.<CRLF>");
                        await TakeMailAsync(reader, stream, recipients.ToList());
                        break;
                    case "QUIT":
                        await ReplyAsync(stream, "221 bye");
                        return;
                    case "RSET" or "NOOP":
                        await ReplyAsync(stream, "250 OK");
                        break;
                    default:
                        await ReplyAsync(stream, "502 command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or was killed); what was taken stays taken, as with a real MTA.
        }
    }

    private async Task TakeMailAsync(StreamReader reader, NetworkStream stream, List<string> recipients)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            if (line == ".")
            {
                await TakenAsync(stream, recipients, data.ToString());
                return;
            }

            data.AppendLine(line);
        }

        // The connection ended before the end of DATA: like an MTA, nothing is taken.
    }

    private async Task TakenAsync(NetworkStream stream, List<string> recipients, string data)
    {

        int index;
        lock (_mails)
        {
            index = _mails.Count + 1;
            _mails.Add(new ReceivedSmtpMail(index, recipients, data, DateTime.UtcNow));
        }

        if (index == _holdIndex)
        {
            _held.TrySetResult();
            await _released.Task.WaitAsync(_stop.Token);
        }
        else
        {
            await Task.Delay(ReplyDelay, _stop.Token);
        }

        await ReplyAsync(stream, "250 OK queued");
    }

    private Task ReplyAsync(NetworkStream stream, string line) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), _stop.Token).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }
}

