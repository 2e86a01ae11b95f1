namespace Custos.Courier;

/// <summary>An outgoing e-mail or SMS in the courier queue (Kratos's <c>message</c>).</summary>
internal sealed class CourierMessage
{
    public required Guid Id { get; init; }

    /// <summary>One of <see cref="CourierMessageStatus"/>.</summary>
    public required string Status { get; set; }

    /// <summary>One of <see cref="CourierMessageType"/>.</summary>
    public required string Type { get; init; }

    public required string Recipient { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public required string TemplateType { get; init; }

    /// <summary>The channel id (<c>email</c>, <c>sms</c>, ...), or null for the default channel of the type.</summary>
    public string? Channel { get; init; }

    /// <summary>Dispatch attempts so far.</summary>
    public int SendCount { get; set; }

    /// <summary>
    /// The template model as Kratos stores it in <c>template_data</c>: a JSON object keyed by the model's JSON names
    /// (<c>to</c>, <c>verification_code</c>, <c>identity</c>, ...); null for messages queued without a template.
    /// </summary>
    public string? TemplateData { get; init; }

    /// <summary>The HTML body rendered when the message was queued (null when there is none, e.g. for SMS).</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The dispatch attempts, newest first; filled by <see cref="ICourierMessageStore.GetAsync"/> only.</summary>
    public IReadOnlyList<CourierMessageDispatch> Dispatches { get; set; } = [];

    public required DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}
