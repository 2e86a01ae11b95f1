namespace Custos.IntegrationTests.Courier;

/// <summary>A mail <see cref="SlowSmtpServer"/> took: its envelope recipients and raw content.</summary>
public sealed record ReceivedSmtpMail(int Index, IReadOnlyList<string> Recipients, string Data, DateTime ReceivedAt);
