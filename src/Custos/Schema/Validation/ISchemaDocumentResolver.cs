using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>
/// Supplies schema documents that a schema references by URI (<c>$ref</c> to another document, or a custom
/// <c>$schema</c> meta-schema). Only documents the resolver returns can be referenced; every other URI is refused.
/// </summary>
internal interface ISchemaDocumentResolver
{
    /// <summary>Returns the document retrievable at <paramref name="documentUri"/> (no fragment), or <c>null</c> when it is unknown.</summary>
    /// <param name="documentUri">The absolute document URI, without fragment.</param>
    JsonElement? Resolve(Uri documentUri);
}
