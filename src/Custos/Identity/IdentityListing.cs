using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Strategies.Oidc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Custos.Identity;

/// <summary>
/// <c>GET /admin/identities</c>: keyset pagination by id (<c>page_token</c> = last id, <c>Link</c> with first/next),
/// legacy <c>page</c>/<c>per_page</c> with <c>X-Total-Count</c>, and mutually exclusive filters.
/// </summary>
internal static class IdentityListing
{
    private const int MaxPageSize = 500;
    private const int MaxIds = 500;

    public static async Task<IResult> ListAsync(HttpContext context, IIdentityPool pool, IOptionsMonitor<CustosOptions> options, [FromServices] IOidcTokenCipher oidcCipher, CancellationToken ct)
    {
        var q = context.Request.Query;
        var include = IncludeCredential(q);
        var filters = new[] { "ids", "credentials_identifier", "preview_credentials_identifier_similar", "organization_id" }.Count(f => q.ContainsKey(f));
        if (filters > 1)
        {
            throw KratosErrors.BadRequest("You cannot combine multiple filters in this API");
        }

        var ids = q["ids"].Where(s => !string.IsNullOrEmpty(s)).Select(s => Guid.TryParse(s, out var g) ? g : throw KratosErrors.BadRequest($"The ids parameter contains an invalid UUID: \"{s}\"")).ToList();
        if (ids.Count > MaxIds)
        {
            throw KratosErrors.BadRequest($"You can request at most {MaxIds} identities by id.");
        }

        var identifier = q["credentials_identifier"].FirstOrDefault();
        var similar = q["preview_credentials_identifier_similar"].FirstOrDefault();
        var organization = q["organization_id"].FirstOrDefault() is { Length: > 0 } org
            ? Guid.TryParse(org, out var o) ? o : throw KratosErrors.BadRequest("organization_id must be a UUID")
            : (Guid?)null;

        var size = ParseSize(q);
        var legacyPage = q["page"].FirstOrDefault() is { Length: > 0 } p ? ParseNonNegative(p, "page") : (int?)null;
        Guid? after = null;
        if (legacyPage is null && q["page_token"].FirstOrDefault() is { Length: > 0 } token)
        {
            after = Guid.TryParse(token, out var t) ? t : throw KratosErrors.BadRequest("The page token is invalid, do not craft your own page tokens");
        }

        if (legacyPage is not null && (long)(legacyPage + 1) * size > 1000 + size)
        {
            throw KratosErrors.BadRequest("Legacy pagination is limited to the first 1000 items; use page_token pagination.");
        }

        var query = new IdentityListQuery
        {
            PageSize = size,
            After = after is { } a && a != Guid.Empty ? a : null,
            Offset = legacyPage * size,
            Ids = ids.Count > 0 ? ids : null,
            CredentialsIdentifier = string.IsNullOrEmpty(identifier) ? null : IdentifierNormalizer.Normalize(identifier),
            CredentialsIdentifierPrefix = string.IsNullOrEmpty(similar) ? null : IdentifierNormalizer.Normalize(similar),
            OrganizationId = organization,
            WithCredentials = true,
        };
        var page = await pool.ListAsync(query, ct);
        if (query.CredentialsIdentifier is not null && page.Count == 0 && identifier != query.CredentialsIdentifier)
        {
            page = await pool.ListAsync(query with { CredentialsIdentifier = identifier }, ct);
        }

        var opts = options.CurrentValue;
        var body = new JsonArray(page.Select(i => (JsonNode?)IdentityEndpointsJson(i, opts, include, oidcCipher)).ToArray());
        if (legacyPage is not null)
        {
            var total = await pool.CountAsync(ct);
            context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
            Pagination.WriteOffsetLinks(context, new Pagination(legacyPage.Value * size, size, Legacy: true), total);
        }
        else
        {
            var basePath = opts.Serve.Admin.EffectiveBaseUrl(opts.Dev).TrimEnd('/') + "/admin/identities";
            var links = new List<string> { $"<{basePath}?page_size={size}&page_token={Guid.Empty:D}>; rel=\"first\"" };
            if (page.Count == size && query.Ids is null)
            {
                links.Add($"<{basePath}?page_size={size}&page_token={page[^1].Id:D}>; rel=\"next\"");
            }

            context.Response.Headers.Link = string.Join(",", links);
        }

        return Results.Json(body);
    }

    private static JsonObject IdentityEndpointsJson(Identity identity, CustosOptions o, IReadOnlySet<string> include, IOidcTokenCipher oidcCipher) =>
        IdentityAdminEndpoints.Admin(identity, o, withCredentials: true, include, oidcCipher);

    public static IReadOnlySet<string> IncludeCredential(IQueryCollection query)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in query["include_credential"])
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!CredentialTypes.Includable.Contains(value))
            {
                throw KratosErrors.BadRequest($"Invalid value \"{value}\" for include_credential.");
            }

            set.Add(value);
        }

        return set;
    }

    private static int ParseSize(IQueryCollection q)
    {
        var raw = q["page_size"].FirstOrDefault() is { Length: > 0 } s ? s : q["per_page"].FirstOrDefault();
        if (string.IsNullOrEmpty(raw))
        {
            return 250;
        }

        var size = ParseNonNegative(raw, "page_size");
        return size is >= 1 and <= MaxPageSize ? size : throw KratosErrors.BadRequest($"Items per page must be between 1 and {MaxPageSize}.");
    }

    private static int ParseNonNegative(string value, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw KratosErrors.BadRequest($"The {name} parameter must be a non-negative number.");
}
