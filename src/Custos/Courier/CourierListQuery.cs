using Custos.Sessions;

namespace Custos.Courier;

/// <summary>One keyset page of messages, newest first, after <see cref="After"/> (exclusive), optionally filtered.</summary>
internal sealed record CourierListQuery
{
    public int PageSize { get; init; } = 10;
    public SessionCursor? After { get; init; }
    public string? Status { get; init; }
    public string? Recipient { get; init; }
}
