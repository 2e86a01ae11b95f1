namespace Custos.Hosting;

/// <summary>Request size limits applied on both ports (Kratos: 5 MiB bodies).</summary>
internal static class RequestLimits
{
    public const long MaxBodyBytes = 5L * 1024 * 1024;
    public const int MaxJsonDepth = 64;
}
