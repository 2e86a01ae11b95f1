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
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.RecordFailureAsync(message.Id, lease, messageRetries: 5, TimeSpan.FromMinutes(1), "{}", Ct));

        var now = await ClaimAsync(10);
        var later = await ClaimAsync(10, clock: new ShiftedClock(TimeSpan.FromMinutes(2)));

        Assert.DoesNotContain(now, m => m.Id == message.Id);
        Assert.Contains(later, m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task Abandon_CountsTheAttempt_AndTakesTheMessageOutOfTheQueue()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);

        var otherLease = await WithStoreAsync(s => s.AbandonAsync(message.Id, Guid.NewGuid(), """{"code":550}""", Ct));
        var abandoned = await WithStoreAsync(s => s.AbandonAsync(message.Id, lease, """{"code":550}""", Ct));
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.False(otherLease);
        Assert.True(abandoned);
        Assert.Equal(CourierMessageStatus.Abandoned, read!.Status);
        Assert.Equal(1, read.SendCount);
        Assert.Contains("550", Assert.Single(read.Dispatches).Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await DrainAsync(), m => m.Id == message.Id);
    }
}
