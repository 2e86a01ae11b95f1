namespace Custos.Courier;

/// <summary>Kratos's message statuses, as they appear on the wire and in the <c>status</c> column.</summary>
internal static class CourierMessageStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Sent = "sent";
    public const string Abandoned = "abandoned";

    public static bool IsValid(string value) => value is Queued or Processing or Sent or Abandoned;
}
