namespace Custos.Security.Throttling;

/// <summary>A submission refused by <paramref name="Rule"/>; the client may try again after <paramref name="RetryAfterSeconds"/>.</summary>
internal sealed record ThrottleRefusal(string Rule, int RetryAfterSeconds);
