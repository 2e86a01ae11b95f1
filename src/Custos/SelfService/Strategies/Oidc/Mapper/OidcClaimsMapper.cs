using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier.Jsonnet;
using Custos.Courier.Templates;
using Custos.Hosting;
using Custos.SelfService.Strategies.Oidc.Providers;

namespace Custos.SelfService.Strategies.Oidc.Mapper;

/// <summary>
/// Runs a provider's <c>mapper_url</c> through libjsonnet (imports disabled) with <c>claims</c> and <c>identity</c> as
/// Jsonnet-code external variables, as Kratos's <c>EvaluateClaimsMapper</c> does, and reads the output with
/// <see cref="OidcMapperOutput"/>. <c>file://</c> is read at every use (an edited mapper applies at once),
/// <c>base64://</c> decoded, <c>http(s)://</c> fetched through <see cref="OidcHttp"/> (the SSRF guard of web hooks) and
/// kept for an hour as Kratos caches fetched mappers.
/// </summary>
internal sealed class OidcClaimsMapper(OidcHttp http, TimeProvider clock) : IOidcClaimsMapper
{
    /// <summary>How long one evaluation may take. Kratos stops its Jsonnet worker process after 1 s; a loaded
    /// two-core machine needs a little more for a mapper that is merely slow, but a looping one must not hold the flow.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(3);

    private const string EmptyIdentity = """{"traits":{},"metadata_public":{},"metadata_admin":{}}""";
    private readonly RemoteTextCache _remote = new(http.Client, clock);

    /// <summary>The evaluation limit (tests shorten it).</summary>
    public TimeSpan Limit { get; init; } = DefaultLimit;

    public async Task<OidcMappedIdentity> MapAsync(OidcProviderOptions provider, JsonObject claims, JsonObject? identity, CancellationToken ct)
    {
        var snippet = await ReadAsync(provider.MapperUrl, ct);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["claims"] = claims.ToJsonString(),
            ["identity"] = identity is null ? EmptyIdentity : IdentityContext(identity),
        };
        string output;
        try
        {
            // libjsonnet's messages name the snippet: the provider id, never a server path or a whole base64:// mapper.
            output = await JsonnetEvaluator.EvaluateWithAsync($"{provider.Id}.mapper.jsonnet", snippet, variables, Limit, ct);
        }
        catch (JsonnetException e)
        {
            throw new OidcMapperException($"The OpenID Connect Jsonnet mapper failed: {FirstLine(e.Message)}");
        }
        catch (DllNotFoundException)
        {
            throw new OidcMapperException("The OpenID Connect Jsonnet mapper cannot run: libjsonnet (Debian package libjsonnet0) is not installed.");
        }

        return OidcMapperOutput.Parse(output);
    }

    private async Task<string> ReadAsync(string uri, CancellationToken ct)
    {
        if (RemoteTextCache.IsRemote(uri))
        {
            try
            {
                return await _remote.GetAsync(uri, ct);
            }
            catch (RemoteTextException e)
            {
                throw new OidcMapperException($"The OpenID Connect Jsonnet mapper could not be fetched: {e.Message}.");
            }
        }

        try
        {
            return TemplateFetcher.ReadLocal(uri)
                ?? throw new OidcMapperException("The OpenID Connect Jsonnet mapper URL has an unsupported scheme (use file://, base64://, http:// or https://).");
        }
        catch (CourierTemplateException)
        {
            // The reason would name a server path; the operator finds the URL in the configuration.
            throw new OidcMapperException("The OpenID Connect Jsonnet mapper could not be read.");
        }
    }

    // Kratos coerces missing or empty fields to {} so that a mapper can read identity.traits.x without a null check.
    private static string IdentityContext(JsonObject identity) => new JsonObject
    {
        ["traits"] = ObjectOrEmpty(identity["traits"]),
        ["metadata_public"] = ObjectOrEmpty(identity["metadata_public"]),
        ["metadata_admin"] = ObjectOrEmpty(identity["metadata_admin"]),
    }.ToJsonString();

    private static JsonNode ObjectOrEmpty(JsonNode? node) => node is null ? new JsonObject() : node.DeepClone();

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.StartsWith("RUNTIME ERROR: ", StringComparison.Ordinal) ? line["RUNTIME ERROR: ".Length..] : line;
    }
}
