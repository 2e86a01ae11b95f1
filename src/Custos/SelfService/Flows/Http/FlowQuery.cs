using Custos.Config;
using Custos.Hosting;
using Custos.Schema.Validation;

namespace Custos.SelfService.Flows.Http;

/// <summary>
/// The query parameters of the flow-creation endpoints, read as Kratos reads them with Go's <c>url.Values.Get</c>: the
/// first value counts, and an empty value is the same as none. Ory's reference UI starts every flow with all of its
/// parameters present and most of them empty (<c>?aal=&amp;refresh=&amp;return_to=&amp;organization=&amp;via=</c>).
/// </summary>
internal static class FlowQuery
{
    /// <summary>The first value of <paramref name="name"/>, or null when it is absent or empty.</summary>
    public static string? Text(HttpRequest request, string name) => Text(request.Query, name);

    /// <inheritdoc cref="Text(HttpRequest, string)"/>
    public static string? Text(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// A boolean as Go's <c>strconv.ParseBool</c> reads it (<c>1 t T TRUE true True</c> are true). Kratos drops the parse
    /// error, so absent, empty, false and unreadable values (<c>refresh=maybe</c>) all mean false.
    /// </summary>
    public static bool Flag(HttpRequest request, string name) => Flag(request.Query, name);

    /// <inheritdoc cref="Flag(HttpRequest, string)"/>
    public static bool Flag(IQueryCollection query, string name) =>
        Text(query, name) is "1" or "t" or "T" or "TRUE" or "true" or "True";

    /// <summary>The login flow's <c>aal</c>, lower-cased: absent or empty is <c>aal1</c>; anything but aal1 or aal2 is a 400.</summary>
    public static string Aal(HttpRequest request) => Aal(request.Query);

    /// <inheritdoc cref="Aal(HttpRequest)"/>
    public static string Aal(IQueryCollection query)
    {
        var aal = Text(query, "aal")?.ToLowerInvariant() ?? "aal1";
        return aal is "aal1" or "aal2"
            ? aal
            : throw KratosErrors.BadRequest($"Unable to parse AuthenticationMethod Assurance Level (AAL): expected one of [aal1, aal2] but got {aal}");
    }

    /// <summary>
    /// <c>identity_schema</c>: null when absent or empty (the default schema applies); otherwise the default schema or one
    /// marked <c>selfservice_selectable</c>, else a 400.
    /// </summary>
    public static string? IdentitySchema(HttpRequest request, IdentityOptions identity) => IdentitySchema(request.Query, identity);

    /// <inheritdoc cref="IdentitySchema(HttpRequest, IdentityOptions)"/>
    public static string? IdentitySchema(IQueryCollection query, IdentityOptions identity)
    {
        var requested = Text(query, "identity_schema");
        if (requested is null || requested == identity.DefaultSchemaId)
        {
            return requested;
        }

        return identity.FindSchema(requested) switch
        {
            null => throw KratosErrors.BadRequest($"Requested identity schema {GoText.Quote(requested)} does not exist."),
            { SelfserviceSelectable: false } => throw KratosErrors.BadRequest($"Requested identity schema {GoText.Quote(requested)} is not enabled for self-service flows."),
            _ => requested,
        };
    }
}
