using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// A loaded configuration: the flattened <see cref="IConfiguration"/> (<c>serve:public:port</c> keys), the typed,
/// defaulted and validated <see cref="CustosOptions"/>, and the effective merged document (files, then environment,
/// then dev defaults) as JSON.
/// </summary>
internal sealed record ConfigurationLoadResult(IConfiguration Configuration, CustosOptions Options, JsonNode Document)
{
    /// <summary>Non-fatal findings worth logging at startup: unknown nested keys, ignored variables, adjusted values.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
