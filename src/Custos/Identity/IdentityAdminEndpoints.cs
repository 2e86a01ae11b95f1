using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Strategies.Oidc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Custos.Identity;

/// <summary>The admin identities API (<c>/admin/identities...</c>), Kratos's paths and operation ids.</summary>
internal static class IdentityAdminEndpoints
{
    public static void MapIdentityAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/identities", IdentityListing.ListAsync).WithName("listIdentities");
        admin.MapPost("/identities", CreateAsync).WithName("createIdentity");
        admin.MapPatch("/identities", BatchAsync).WithName("batchPatchIdentities");
        admin.MapGet("/identities/by/external/{externalId}", GetByExternalIdAsync).WithName("getIdentityByExternalID");
        admin.MapGet("/identities/{id}", GetAsync).WithName("getIdentity");
        admin.MapPut("/identities/{id}", UpdateAsync).WithName("updateIdentity");
        admin.MapPatch("/identities/{id}", PatchAsync).WithName("patchIdentity");
        admin.MapDelete("/identities/{id}", DeleteAsync).WithName("deleteIdentity");
        admin.MapDelete("/identities/{id}/credentials/{type}", DeleteCredentialAsync).WithName("deleteIdentityCredentials");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IdentityManager manager, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var identity = await manager.CreateAsync(await JsonBody.ReadAsync(context.Request, ct), ct);
        var o = options.CurrentValue;
        var location = o.Serve.Admin.EffectiveBaseUrl(o.Dev).TrimEnd('/') + "/admin/identities/" + identity.Id.ToString("D");
        return new WithLocation(Results.Json(Admin(identity, o, withCredentials: true), statusCode: StatusCodes.Status201Created), location);
    }

    private static async Task<IResult> BatchAsync(HttpContext context, IdentityManager manager, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var result = await manager.BatchAsync(await JsonBody.ReadAsync(context.Request, ct), i => Admin(i, options.CurrentValue, true), ct);
        return Results.Json(result);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IIdentityPool pool, IOptionsMonitor<CustosOptions> options, [FromServices] IOidcTokenCipher oidcCipher, CancellationToken ct)
    {
        var include = IdentityListing.IncludeCredential(context.Request.Query);
        // A malformed id is simply unknown, as in Kratos.
        var identity = Guid.TryParse(id, out var guid) ? await pool.GetAsync(guid, withCredentials: true, ct) : null;
        return identity is null ? throw KratosErrors.RowNotFound() : Results.Json(Admin(identity, options.CurrentValue, true, include, oidcCipher));
    }

    private static async Task<IResult> GetByExternalIdAsync(string externalId, HttpContext context, IIdentityPool pool, IOptionsMonitor<CustosOptions> options, [FromServices] IOidcTokenCipher oidcCipher, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(externalId))
        {
            throw KratosErrors.BadRequest("The external id must not be empty.");
        }

        var include = IdentityListing.IncludeCredential(context.Request.Query);
        var identity = await pool.GetByExternalIdAsync(externalId, withCredentials: true, ct) ?? throw KratosErrors.RowNotFound();
        return Results.Json(Admin(identity, options.CurrentValue, true, include, oidcCipher));
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, IdentityManager manager, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var guid = ParseId(id);
        var identity = await manager.UpdateAsync(guid, await JsonBody.ReadAsync(context.Request, ct), ct);
        return Results.Json(Admin(identity, options.CurrentValue, true));
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, IdentityManager manager, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var guid = ParseId(id);
        var identity = await manager.PatchAsync(guid, await JsonBody.ReadAsync(context.Request, ct), ct);
        return Results.Json(Admin(identity, options.CurrentValue, true));
    }

    private static async Task<IResult> DeleteAsync(string id, IdentityManager manager, CancellationToken ct)
    {
        var deleted = Guid.TryParse(id, out var guid) && await manager.DeleteAsync(guid, ct);
        return deleted ? Results.NoContent() : throw KratosErrors.RowNotFound();
    }

    private static async Task<IResult> DeleteCredentialAsync(string id, string type, HttpContext context, IdentityManager manager, CancellationToken ct)
    {
        var guid = ParseId(id);
        await manager.DeleteCredentialAsync(guid, type, context.Request.Query["identifier"].FirstOrDefault(), ct);
        return Results.NoContent();
    }

    private static Guid ParseId(string id) => Guid.TryParse(id, out var guid) ? guid : throw KratosErrors.RowNotFound();

    internal static JsonObject Admin(Identity identity, CustosOptions o, bool withCredentials, IReadOnlySet<string>? include = null, IOidcTokenCipher? oidcCipher = null) =>
        IdentityJson.Admin(identity, o.Serve.Public.EffectiveBaseUrl(o.Dev), include, withCredentials, o.Secrets.Cipher, oidcCipher);

    private sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
