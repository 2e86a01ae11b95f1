using System.Text.Json.Nodes;
using Custos.Courier.Templates;
using Custos.Hosting;

namespace Custos.Courier;

/// <summary>
/// <see cref="ICourier"/>: renders the message from its template at once (so a broken template shows up in the request
/// that caused it, not minutes later in the worker) and queues it with status <c>queued</c> for the worker. The
/// template data is stored as well, keyed by Kratos's JSON names, for the HTTP channel's Jsonnet.
/// </summary>
internal sealed class TemplatedCourier(ICourierMessageStore store, CourierTemplateRenderer templates, TimeProvider clock, ILogger<TemplatedCourier> logger)
    : ICourier
{
    public async Task<Guid> QueueEmailAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct)
    {
        // Checked here because the address ends up in an SMTP envelope and a header; the value itself is never echoed.
        if (!EmailRecipient.IsValid(recipient))
        {
            throw new ArgumentException("the e-mail recipient is not a valid e-mail address", nameof(recipient));
        }

        var data = WithRecipient(templateData, recipient);
        var rendered = await templates.RenderEmailAsync(templateType, data, ct);
        return await QueueAsync(CourierMessageType.Email, "email", recipient, templateType, rendered, data, ct);
    }

    public async Task<Guid> QueueSmsAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(recipient))
        {
            throw new ArgumentException("the SMS recipient is empty", nameof(recipient));
        }

        var data = WithRecipient(templateData, recipient);
        var body = await templates.RenderSmsAsync(templateType, data, ct);
        return await QueueAsync(CourierMessageType.Sms, "sms", recipient, templateType, new RenderedEmail("", body, null), data, ct);
    }

    private async Task<Guid> QueueAsync(string type, string channel, string recipient, string templateType, RenderedEmail rendered, JsonObject data, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        var message = new CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = CourierMessageStatus.Queued,
            Type = type,
            Recipient = recipient,
            Subject = rendered.Subject,
            Body = rendered.Body,
            HtmlBody = rendered.HtmlBody,
            TemplateType = templateType,
            TemplateData = TemplateModel.ToKratosJson(data, sms: type == CourierMessageType.Sms).ToJsonString(),
            Channel = channel,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.EnqueueAsync(message, ct);
        CourierLog.Queued(logger, message.Id, templateType, channel);
        return message.Id;
    }

    // Kratos's models always carry the recipient as To; the caller's data is not modified.
    private static JsonObject WithRecipient(JsonObject templateData, string recipient)
    {
        var data = (JsonObject)templateData.DeepClone();
        data["To"] ??= recipient;
        return data;
    }
}
