namespace Custos.Courier;

/// <summary>The row shape of <c>courier_message_dispatches</c>.</summary>
internal sealed class CourierMessageDispatchRow
{
    public const string Columns = "id, message_id, status, error, created_at, updated_at";

    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public string Status { get; set; } = "";
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public CourierMessageDispatch ToDispatch() => new()
    {
        Id = Id,
        MessageId = MessageId,
        Status = Status,
        Error = Error,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
