using Custos.Courier;

namespace Custos.Persistence.Tests;

/// <summary>Dispatch records, retry delays, permanent failures and the template columns.</summary>
public abstract partial class CourierMessageStoreConformance
{
    [SkippableFact]
    public async Task Enqueue_RoundTripsTemplateDataAndHtmlBody()
    {
        var message = NewMessage();
        message = new CourierMessage
        {
            Id = message.Id, Status = message.Status, Type = message.Type, Recipient = message.Recipient, Subject = message.Subject,
            Body = message.Body, TemplateType = message.TemplateType, Channel = message.Channel, CreatedAt = message.CreatedAt, UpdatedAt = message.UpdatedAt,
            TemplateData = """{"to":"a@example.com","login_code":"123456"}""",
            HtmlBody = "<p>123456</p>",
        };
        await EnqueueAsync(message);

        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Equal(message.TemplateData, read!.TemplateData);
        Assert.Equal("<p>123456</p>", read.HtmlBody);
        Assert.Empty(read.Dispatches);
    }

    [SkippableFact]
    public async Task RecordDispatch_IsReadBackNewestFirst_WithTheErrorJson()
    {
        var message = await EnqueueAsync(NewMessage());

        await WithStoreAsync(async s => { await s.RecordDispatchAsync(message.Id, CourierMessageDispatch.Failed, """{"code":500,"reason":"smtp down"}""", Ct); return true; });
        await Task.Delay(5);
        await WithStoreAsync(async s => { await s.RecordDispatchAsync(message.Id, CourierMessageDispatch.Success, null, Ct); return true; });
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Equal([CourierMessageDispatch.Success, CourierMessageDispatch.Failed], read!.Dispatches.Select(d => d.Status));
        Assert.All(read.Dispatches, d => Assert.Equal(message.Id, d.MessageId));
        Assert.Null(read.Dispatches[0].Error);
        Assert.Contains("smtp down", read.Dispatches[1].Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task FailedMessage_IsNotClaimedBeforeItsRetryDelay()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        await WithStoreAsync(s => s.ClaimAsync(10, Ct));
        await WithStoreAsync(s => s.RecordFailureAsync(message.Id, messageRetries: 5, TimeSpan.FromMinutes(1), Ct));

        var now = await WithStoreAsync(s => s.ClaimAsync(10, Ct));
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var later = await new SqlCourierMessageStore(db, new ShiftedClock(TimeSpan.FromMinutes(2))).ClaimAsync(10, Ct);

        Assert.DoesNotContain(now, m => m.Id == message.Id);
        Assert.Contains(later, m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task Abandon_CountsTheAttempt_AndTakesTheMessageOutOfTheQueue()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        await WithStoreAsync(s => s.ClaimAsync(10, Ct));

        await WithStoreAsync(async s => { await s.AbandonAsync(message.Id, Ct); return true; });
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Equal(CourierMessageStatus.Abandoned, read!.Status);
        Assert.Equal(1, read.SendCount);
        Assert.DoesNotContain(await DrainAsync(), m => m.Id == message.Id);
    }
}
