using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Courier;

/// <summary>Queues plain-text messages until the template engine lands: subject and body carry the code or URL.</summary>
internal sealed class InterimCourier(ICourierMessageStore store, TimeProvider clock) : ICourier
{
    public Task<Guid> QueueEmailAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct) =>
        QueueAsync(CourierMessageType.Email, recipient, templateType, templateData, ct);

    public Task<Guid> QueueSmsAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct) =>
        QueueAsync(CourierMessageType.Sms, recipient, templateType, templateData, ct);

    private async Task<Guid> QueueAsync(string type, string recipient, string templateType, JsonObject data, CancellationToken ct)
    {
        string? Get(string key) => data[key]?.GetValue<string>();
        var secret = Get("VerificationCode") ?? Get("RecoveryCode") ?? Get("LoginCode") ?? Get("RegistrationCode");
        var url = Get("VerificationURL") ?? Get("RecoveryURL");
        var now = Clock.Now(clock);
        var message = new CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = CourierMessageStatus.Queued,
            Type = type,
            Recipient = recipient,
            Subject = secret is null ? templateType.Replace('_', ' ') : $"Your code is {secret}",
            Body = string.Join("\n", new[] { secret is null ? null : "Code: " + secret, url is null ? null : "Link: " + url }.Where(l => l is not null)),
            TemplateType = templateType,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.EnqueueAsync(message, ct);
        return message.Id;
    }
}
