namespace Custos.Hosting;

/// <summary>A <see cref="RemoteTextCache"/> fetch failed: the status, the transport error's kind, or the size limit.</summary>
internal sealed class RemoteTextException(string reason) : Exception(reason);
