namespace Custos.Courier;

/// <summary>One delivery attempt of a message (Kratos's <c>messageDispatch</c>, table <c>courier_message_dispatches</c>).</summary>
internal sealed record CourierMessageDispatch
{
    /// <summary>The dispatch status <c>failed</c>.</summary>
    public const string Failed = "failed";

    /// <summary>The dispatch status <c>success</c>.</summary>
    public const string Success = "success";

    public required Guid Id { get; init; }
    public required Guid MessageId { get; init; }

    /// <summary><see cref="Failed"/> or <see cref="Success"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The error as a JSON object (Kratos's error shape), or null on success.</summary>
    public string? Error { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
}
