namespace Custos.Sessions;

/// <summary>The client a session was authenticated from; one entry is added per authentication.</summary>
internal sealed record SessionDevice(Guid Id, string IpAddress, string UserAgent, string Location);
