// TEMPORARY STUB — replaced by the real options tree from the config branch.
namespace Custos.Config;

internal sealed class CustosOptions
{
    public string? Dsn { get; set; }
    public bool Dev { get; set; }
    public ServeOptions Serve { get; set; } = new();
    public IdentityOptions Identity { get; set; } = new();
    public HashersOptions Hashers { get; set; } = new();
    public SelfserviceOptions Selfservice { get; set; } = new();
}

internal sealed class SelfserviceOptions { public string? DefaultBrowserReturnUrl { get; set; } }

internal sealed class ServeOptions
{
    public ServeEndpointOptions Public { get; set; } = new() { Port = 4433 };
    public ServeEndpointOptions Admin { get; set; } = new() { Port = 4434 };
}

internal sealed class ServeEndpointOptions
{
    public string? BaseUrl { get; set; }
    public string Host { get; set; } = "0.0.0.0";
    public int Port { get; set; }
    public CorsOptions Cors { get; set; } = new();
    public string EffectiveBaseUrl(bool dev) => BaseUrl ?? $"{(dev ? "http" : "https")}://127.0.0.1:{Port}/";
}

internal sealed class CorsOptions
{
    public bool Enabled { get; set; }
    public List<string> AllowedOrigins { get; set; } = ["*"];
    public List<string> AllowedMethods { get; set; } = ["POST", "GET", "PUT", "PATCH", "DELETE"];
    public List<string> AllowedHeaders { get; set; } = ["Authorization", "Content-Type", "Max-Age", "X-Session-Token", "X-XSRF-TOKEN", "X-CSRF-TOKEN"];
    public List<string> ExposedHeaders { get; set; } = ["Content-Type"];
    public bool AllowCredentials { get; set; } = true;
    public int MaxAge { get; set; }
}

internal sealed class IdentityOptions
{
    public string DefaultSchemaId { get; set; } = "default";
    public List<IdentitySchemaOptions> Schemas { get; set; } = [];
}

internal sealed class IdentitySchemaOptions
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    public bool SelfserviceSelectable { get; set; }
}

internal sealed class HashersOptions
{
    public string Algorithm { get; set; } = "bcrypt";
    public BcryptOptions Bcrypt { get; set; } = new();
    public Argon2Options Argon2 { get; set; } = new();
}

internal sealed class BcryptOptions { public int Cost { get; set; } = 12; }

internal sealed class Argon2Options
{
    public long Memory { get; set; } = 128L * 1024 * 1024;
    public uint Iterations { get; set; } = 1;
    public uint Parallelism { get; set; } = (uint)(2 * Environment.ProcessorCount);
    public uint SaltLength { get; set; } = 16;
    public uint KeyLength { get; set; } = 32;
}
