using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Sessions.Assurance;
using Microsoft.Extensions.Options;

namespace Custos.Identity;

/// <summary>
/// Creates and changes identities for the admin API: strict body reading, credential import, schema validation
/// with the <c>ory.sh/kratos</c> extension, then one transactional write. Maps failures to Kratos's 400/404/409.
/// </summary>
internal sealed partial class IdentityManager(
    IPrivilegedIdentityPool pool,
    IdentityValidator validator,
    CredentialImporter importer,
    AvailableAalCalculator aal,
    TimeProvider clock,
    IOptionsMonitor<CustosOptions> options,
    IdentityAudit audit)
{
    private static readonly HashSet<string> CreateFields =
    [
        "schema_id", "traits", "state", "metadata_public", "metadata_admin", "external_id", "organization_id",
        "verifiable_addresses", "recovery_addresses", "credentials", "region",
    ];

    private static readonly HashSet<string> UpdateFields =
        ["schema_id", "traits", "state", "metadata_public", "metadata_admin", "external_id", "credentials", "region"];

    public Task<Identity> CreateAsync(JsonNode node, CancellationToken ct) => CreateAsync(node, "admin", ct);

    private async Task<Identity> CreateAsync(JsonNode node, string source, CancellationToken ct)
    {
        var body = BodyReader.Object(node, "The request body");
        BodyReader.RejectUnknown(body, CreateFields);
        var now = Clock.Now(clock);
        var identity = new Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = NonEmpty(BodyReader.String(body, "schema_id")) ?? options.CurrentValue.Identity.DefaultSchemaId,
            Traits = Traits(body),
            State = State(BodyReader.String(body, "state")) ?? IdentityStates.Active,
            StateChangedAt = now,
            MetadataPublic = body["metadata_public"]?.DeepClone(),
            MetadataAdmin = body["metadata_admin"]?.DeepClone(),
            ExternalId = NonEmpty(BodyReader.String(body, "external_id")),
            OrganizationId = BodyReader.Uuid(body, "organization_id"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        identity.VerifiableAddresses = ImportedVerifiableAddresses(body, now);
        identity.RecoveryAddresses = ImportedRecoveryAddresses(body, now);
        if (body["credentials"] is { } credentials)
        {
            await importer.ImportAsync(identity, BodyReader.Object(credentials, "credentials"), ct);
        }

        await ValidateAsync(identity, ct);
        await WriteAsync(() => audit.RunAsync(async c =>
        {
            await pool.CreateAsync(identity, c);
            await audit.CreatedAsync(identity, source, c);
        }, ct));
        return identity;
    }

    public async Task<Identity> UpdateAsync(Guid id, JsonNode node, CancellationToken ct)
    {
        var body = BodyReader.Object(node, "The request body");
        BodyReader.RejectUnknown(body, UpdateFields);
        var identity = await pool.GetAsync(id, withCredentials: true, ct) ?? throw KratosErrors.RowNotFound();
        var before = IdentityAudit.Fields(identity);
        var now = Clock.Now(clock);
        identity.SchemaId = NonEmpty(BodyReader.String(body, "schema_id")) ?? identity.SchemaId;
        identity.Traits = Traits(body);
        ChangeState(identity, State(BodyReader.String(body, "state")), now);
        // Kratos overwrites these three: omitting them clears them.
        identity.MetadataPublic = body["metadata_public"]?.DeepClone();
        identity.MetadataAdmin = body["metadata_admin"]?.DeepClone();
        identity.ExternalId = NonEmpty(BodyReader.String(body, "external_id"));
        identity.UpdatedAt = now;
        if (body["credentials"] is { } credentials)
        {
            await importer.ImportAsync(identity, BodyReader.Object(credentials, "credentials"), ct);
        }

        await ValidateAsync(identity, ct);
        await SaveAsync(identity, before, ct);
        return identity;
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) =>
        audit.RunAsync(async c =>
        {
            var deleted = await pool.DeleteAsync(id, c);
            if (deleted)
            {
                await audit.DeletedAsync(id, c);
            }

            return deleted;
        }, ct);

    private Task SaveAsync(Identity identity, IReadOnlyDictionary<string, string> before, CancellationToken ct) =>
        WriteAsync(() => audit.RunAsync(async c =>
        {
            await pool.UpdateAsync(identity, c);
            await audit.UpdatedAsync(before, identity, c);
        }, ct));

    private async Task ValidateAsync(Identity identity, CancellationToken ct)
    {
        try
        {
            await validator.ValidateAsync(identity, ct);
        }
        catch (IdentityValidationException e)
        {
            throw KratosErrors.BadRequest(e.Message);
        }

        identity.AvailableAal = AvailableAal(identity);
    }

    private static async Task WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (IdentityConflictException e)
        {
            throw KratosErrors.Conflict(e.Message);
        }
    }

    private static void ChangeState(Identity identity, string? state, DateTime now)
    {
        if (state is not null && state != identity.State)
        {
            identity.State = state;
            identity.StateChangedAt = now;
        }
    }

    private static JsonNode Traits(JsonObject body) => body["traits"] switch
    {
        null => new JsonObject(),
        JsonObject o => o.DeepClone(),
        _ => throw KratosErrors.BadRequest("json: field \"traits\" must be a JSON object"),
    };

    private static string? State(string? state) => string.IsNullOrEmpty(state)
        ? null
        : IdentityStates.IsValid(state)
            ? state
            : throw KratosErrors.BadRequest($"The supplied state ('{state}') was not valid. Valid states are ('active', 'inactive').");

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    // Stored for Kratos parity only: enforcement derives the level from the credentials again (SessionAalGuard).
    private string AvailableAal(Identity identity) => aal.Compute(identity.Credentials);

    private static List<VerifiableAddress> ImportedVerifiableAddresses(JsonObject body, DateTime now) =>
        (BodyReader.Array(body, "verifiable_addresses") ?? []).Select(n =>
        {
            var a = BodyReader.Object(n, "verifiable_addresses[]");
            var via = BodyReader.String(a, "via") ?? "email";
            var verified = BodyReader.Bool(a, "verified") ?? false;
            return new VerifiableAddress
            {
                Value = IdentifierNormalizer.NormalizeAddress(via, BodyReader.String(a, "value") ?? ""),
                Via = via,
                Verified = verified,
                Status = BodyReader.String(a, "status") ?? (verified ? VerifiableAddressStatus.Completed : VerifiableAddressStatus.Pending),
                VerifiedAt = BodyReader.Time(a, "verified_at") ?? (verified ? now : null),
                CreatedAt = now,
                UpdatedAt = now,
            };
        }).ToList();

    private static List<RecoveryAddress> ImportedRecoveryAddresses(JsonObject body, DateTime now) =>
        (BodyReader.Array(body, "recovery_addresses") ?? []).Select(n =>
        {
            var a = BodyReader.Object(n, "recovery_addresses[]");
            var via = BodyReader.String(a, "via") ?? "email";
            return new RecoveryAddress { Value = IdentifierNormalizer.NormalizeAddress(via, BodyReader.String(a, "value") ?? ""), Via = via, CreatedAt = now, UpdatedAt = now };
        }).ToList();
}
