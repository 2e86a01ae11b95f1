namespace Custos.Courier;

/// <summary>The row shape of <c>courier_messages</c>.</summary>
internal sealed class CourierMessageRow
{
    public const string Columns = "id, type, status, recipient, subject, body, template_type, channel, send_count, template_data, html_body, created_at, updated_at";

    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Status { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string TemplateType { get; set; } = "";
    public string? Channel { get; set; }
    public int SendCount { get; set; }
    public string? TemplateData { get; set; }
    public string? HtmlBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public CourierMessage ToMessage() => new()
    {
        Id = Id,
        Type = Type,
        Status = Status,
        Recipient = Recipient,
        Subject = Subject,
        Body = Body,
        TemplateType = TemplateType,
        Channel = Channel,
        SendCount = SendCount,
        TemplateData = TemplateData,
        HtmlBody = HtmlBody,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
