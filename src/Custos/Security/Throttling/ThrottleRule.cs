namespace Custos.Security.Throttling;

/// <summary>An effective rule: at most <paramref name="Limit"/> counted events per key in each fixed <paramref name="Window"/>.</summary>
internal sealed record ThrottleRule(string Name, int Limit, TimeSpan Window);
