namespace Custos.Hosting;

/// <summary>Command-line switches of <c>custos serve</c> that are not configuration keys.</summary>
internal sealed record ServeFlags(bool WatchCourier);
