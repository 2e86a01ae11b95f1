using System.Data.Common;
using Custos.Courier;
using Custos.Persistence;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// A batch of mails queued straight into a database before any worker runs (one fresh recipient each, oldest first),
/// and read back from it, through connections of the test's own.
/// </summary>
internal sealed class QueuedBatch : IDisposable
{
    private readonly DbConnectionFactory _factory;

    private QueuedBatch(DbConnectionFactory factory, IReadOnlyList<CourierMessage> messages)
    {
        _factory = factory;
        Messages = messages;
    }

    public IReadOnlyList<CourierMessage> Messages { get; }

    public IReadOnlyList<string> Recipients => Messages.Select(m => m.Recipient).ToList();

    public static async Task<QueuedBatch> EnqueueAsync(string dsn, int count)
    {
        var factory = new DbConnectionFactory(DatabaseTarget.Parse(dsn));
        var start = DateTime.UtcNow.AddMinutes(-1);
        start = new DateTime(start.Ticks - (start.Ticks % 10), DateTimeKind.Utc);
        var messages = new List<CourierMessage>();
        await using var session = new DbSession(factory);
        var store = new SqlCourierMessageStore(session, TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            var createdAt = start.AddMilliseconds(i);
            var message = new CourierMessage
            {
                Id = Guid.NewGuid(), Status = CourierMessageStatus.Queued, Type = CourierMessageType.Email, Recipient = $"to-{i:D2}-{Guid.NewGuid():N}@example.com",
                Subject = $"Mail {i}", Body = "Use 424242", TemplateType = "login_code_valid", Channel = "email", CreatedAt = createdAt, UpdatedAt = createdAt,
            };
            await store.EnqueueAsync(message, CancellationToken.None);
            messages.Add(message);
        }

        return new QueuedBatch(factory, messages);
    }

    /// <summary>
    /// Reads the batch (with dispatches) until every message satisfies <paramref name="done"/> or
    /// <paramref name="timeout"/> passes; returns the last read. Reads that fail (the database restarting) are retried.
    /// </summary>
    public async Task<IReadOnlyList<CourierMessage>> WaitUntilAsync(Func<CourierMessage, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<CourierMessage> read = [];
        while (true)
        {
            try
            {
                read = await ReadAsync();
            }
            catch (DbException e)
            {
                _factory.ClearPoolAfter(e);
            }

            if ((read.Count == Messages.Count && read.All(done)) || DateTime.UtcNow >= deadline)
            {
                return read;
            }

            await Task.Delay(100);
        }
    }

    private async Task<IReadOnlyList<CourierMessage>> ReadAsync()
    {
        await using var session = new DbSession(_factory);
        var store = new SqlCourierMessageStore(session, TimeProvider.System);
        var read = new List<CourierMessage>();
        foreach (var message in Messages)
        {
            read.Add((await store.GetAsync(message.Id, CancellationToken.None))!);
        }

        return read;
    }

    public void Dispose() => _factory.Dispose();
}
