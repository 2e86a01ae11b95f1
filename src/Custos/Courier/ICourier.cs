using System.Text.Json.Nodes;

namespace Custos.Courier;

/// <summary>
/// What flows use to send a message: renders the template (built-in default or override) for the template type and
/// queues the result in <c>courier_messages</c>. Sending happens later in the courier worker. The template data keys are
/// Kratos's template variable names (<c>To</c>, <c>VerificationCode</c>, <c>VerificationURL</c>, <c>RecoveryCode</c>,
/// <c>RecoveryURL</c>, <c>Identity</c>, <c>RequestURL</c>, <c>TransientPayload</c>, ...).
/// </summary>
internal interface ICourier
{
    /// <summary>Queues an e-mail of <paramref name="templateType"/> (one of <see cref="Templates.CourierTemplateTypes"/>) to <paramref name="recipient"/>; returns the message id.</summary>
    Task<Guid> QueueEmailAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct);

    /// <summary>Queues an SMS of <paramref name="templateType"/> to <paramref name="recipient"/> (a phone number); returns the message id.</summary>
    Task<Guid> QueueSmsAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct);
}
