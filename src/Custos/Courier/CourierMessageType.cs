namespace Custos.Courier;

/// <summary>Kratos's message types on the wire (its code emits <c>sms</c> where the spec says <c>phone</c>).</summary>
internal static class CourierMessageType
{
    public const string Email = "email";
    public const string Sms = "sms";
}
