using Custos.Courier;

namespace Custos.Persistence.Tests;

/// <summary>Leases: expiry and takeover, renewal, the begin of a send, uncertain sends, idempotent records.</summary>
public abstract partial class CourierMessageStoreConformance
{
    private static readonly ShiftedClock AfterLease = new(Lease + TimeSpan.FromMinutes(1));

    [SkippableFact]
    public async Task Claim_HoldsALease_TakenOverOnlyOnceItExpired()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        var held = await ClaimAsync(1000, first);
        var whileHeld = await ClaimAsync(1000);
        var takenOver = await ClaimAsync(1000, second, AfterLease);
        var firstBegins = await WithStoreAsync(s => s.BeginSendAsync(message.Id, first, Ct), AfterLease);
        var secondBegins = await WithStoreAsync(s => s.BeginSendAsync(message.Id, second, Ct), AfterLease);

        Assert.Equal([message.Id], held.Select(m => m.Id));
        Assert.DoesNotContain(whileHeld, m => m.Id == message.Id);
        Assert.Contains(takenOver, m => m.Id == message.Id);
        Assert.False(firstBegins);
        Assert.True(secondBegins);
    }

    [SkippableFact]
    public async Task RenewLease_MovesTheExpiry_SoTheClaimIsNotTakenOver()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);

        var renewed = await WithStoreAsync(s => s.RenewLeaseAsync(lease, Lease, Ct), new ShiftedClock(Lease - TimeSpan.FromMinutes(1)));
        var afterFirstExpiry = await ClaimAsync(1000, clock: new ShiftedClock(Lease + TimeSpan.FromMinutes(1)));
        var afterRenewedExpiry = await ClaimAsync(1000, clock: new ShiftedClock(Lease * 2));

        Assert.Equal(1, renewed);
        Assert.DoesNotContain(afterFirstExpiry, m => m.Id == message.Id);
        Assert.Contains(afterRenewedExpiry, m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task BeginSend_OnlyOnce_AndOnlyUnderTheLiveLease()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var expiring = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);

        var otherToken = await WithStoreAsync(s => s.BeginSendAsync(message.Id, Guid.NewGuid(), Ct));
        var begins = await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));
        var again = await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));
        var expired = await WithStoreAsync(s => s.BeginSendAsync(expiring.Id, lease, Ct), AfterLease);

        Assert.False(otherToken);
        Assert.True(begins);
        Assert.False(again);
        Assert.False(expired);
    }

    [SkippableFact]
    public async Task BegunSend_WhoseLeaseExpired_IsRequeuedAsUncertain_AndClaimableAgain()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));

        var whileHeld = await WithStoreAsync(s => s.RequeueUncertainAsync("""{"reason":"delivery uncertain"}""", 5, Ct));
        var claimedBeforeRequeue = await ClaimAsync(1000, clock: AfterLease);
        var requeued = await WithStoreAsync(s => s.RequeueUncertainAsync("""{"reason":"delivery uncertain"}""", 5, Ct), AfterLease);
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));
        var again = await WithStoreAsync(s => s.RequeueUncertainAsync("{}", 5, Ct), AfterLease);
        var claimedAfterRequeue = await ClaimAsync(1000, clock: AfterLease);

        Assert.DoesNotContain(message.Id, whileHeld);
        Assert.DoesNotContain(claimedBeforeRequeue, m => m.Id == message.Id);
        Assert.Contains(message.Id, requeued);
        Assert.Equal(CourierMessageStatus.Queued, read!.Status);
        Assert.Equal(1, read.SendCount);
        Assert.Contains("delivery uncertain", Assert.Single(read.Dispatches).Error, StringComparison.Ordinal);
        Assert.DoesNotContain(message.Id, again);
        Assert.Contains(claimedAfterRequeue, m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task UncertainSend_BeyondTheRetries_IsAbandoned()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));

        await WithStoreAsync(s => s.RequeueUncertainAsync("""{"reason":"delivery uncertain"}""", 0, Ct), AfterLease);
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Equal(CourierMessageStatus.Abandoned, read!.Status);
        Assert.DoesNotContain(await ClaimAsync(1000, clock: new ShiftedClock(Lease * 3)), m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task LateRecordOfTheWorkerThatSent_AfterTheRequeue_MarksItSent_AndALateFailureChangesNothing()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));
        await WithStoreAsync(s => s.RequeueUncertainAsync("""{"reason":"delivery uncertain"}""", 5, Ct), AfterLease);

        var lateFailure = await WithStoreAsync(s => s.RecordFailureAsync(message.Id, lease, 5, TimeSpan.Zero, """{"reason":"late"}""", Ct));
        await WithStoreAsync(s => s.RecordSentAsync(message.Id, Ct));
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Null(lateFailure);
        Assert.Equal(CourierMessageStatus.Sent, read!.Status);
        Assert.Equal(2, read.SendCount);
        // The uncertain record was written at the shifted clock's later time, so compare without order.
        Assert.Equal([CourierMessageDispatch.Failed, CourierMessageDispatch.Success], read.Dispatches.Select(d => d.Status).Order());
        Assert.DoesNotContain(await ClaimAsync(1000, clock: new ShiftedClock(Lease * 3)), m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task RecordSent_Repeated_CountsOnce()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));

        await WithStoreAsync(s => s.RecordSentAsync(message.Id, Ct));
        await WithStoreAsync(s => s.RecordSentAsync(message.Id, Ct));
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Equal(CourierMessageStatus.Sent, read!.Status);
        Assert.Equal(1, read.SendCount);
        Assert.Single(read.Dispatches);
        Assert.DoesNotContain(await ClaimAsync(1000, clock: AfterLease), m => m.Id == message.Id);
    }

    [SkippableFact]
    public async Task RecordFailure_CountsOnce_AndOnlyUnderItsOwnLease()
    {
        await DrainAsync();
        var message = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(message.Id, lease, Ct));

        var otherLease = await WithStoreAsync(s => s.RecordFailureAsync(message.Id, Guid.NewGuid(), 5, TimeSpan.Zero, "{}", Ct));
        var recorded = await WithStoreAsync(s => s.RecordFailureAsync(message.Id, lease, 5, TimeSpan.Zero, "{}", Ct));
        var repeated = await WithStoreAsync(s => s.RecordFailureAsync(message.Id, lease, 5, TimeSpan.Zero, "{}", Ct));
        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.Null(otherLease);
        Assert.Equal(CourierMessageStatus.Queued, recorded);
        Assert.Null(repeated);
        Assert.Equal(1, read!.SendCount);
        Assert.Single(read.Dispatches);
        Assert.Contains(await ClaimAsync(1000), m => m.Id == message.Id);
    }
}
