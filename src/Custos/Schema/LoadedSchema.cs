using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.Schema;

/// <summary>An identity schema as configured: id, URL, its raw JSON and the compiled validator.</summary>
internal sealed record LoadedSchema(string Id, string Url, JsonElement Raw, JsonSchema Compiled)
{
    /// <summary>The id as it appears in <c>schema_url</c>: base64url without padding.</summary>
    public string EncodedId => EncodeId(Id);

    public static string EncodeId(string id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
