namespace Custos.Hosting;

/// <summary>Endpoint metadata: the listener a route belongs to.</summary>
internal sealed record ListenerMetadata(Listener Listener);
