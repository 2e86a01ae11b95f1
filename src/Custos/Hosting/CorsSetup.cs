using Custos.Config;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Custos.Hosting;

/// <summary>Builds the CORS policy of <c>serve.public.cors</c>; origins may use one wildcard label (<c>https://*.example.com</c>).</summary>
internal static class CorsSetup
{
    public const string PolicyName = "custos-public";

    public static CorsPolicy Build(Custos.Config.CorsOptions cors)
    {
        var builder = new CorsPolicyBuilder()
            .WithMethods([.. cors.AllowedMethods])
            .WithHeaders([.. cors.AllowedHeaders])
            .WithExposedHeaders([.. cors.ExposedHeaders]);
        var origins = cors.AllowedOrigins.Count == 0 ? ["*"] : cors.AllowedOrigins;
        builder.SetIsOriginAllowed(origin => origins.Any(pattern => Matches(pattern, origin)));
        if (cors.AllowCredentials)
        {
            builder.AllowCredentials();
        }

        if (cors.MaxAge > 0)
        {
            builder.SetPreflightMaxAge(TimeSpan.FromSeconds(cors.MaxAge));
        }

        return builder.Build();
    }

    internal static bool Matches(string pattern, string origin)
    {
        if (pattern == "*")
        {
            return true;
        }

        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return string.Equals(pattern.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = pattern[..star];
        var suffix = pattern[(star + 1)..].TrimEnd('/');
        return origin.Length > prefix.Length + suffix.Length
            && origin.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && origin.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            && !origin[prefix.Length..^suffix.Length].Contains('/', StringComparison.Ordinal);
    }
}
