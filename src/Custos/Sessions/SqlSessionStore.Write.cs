using Custos.Hosting;
using Dapper;
using static Custos.Sessions.SessionRows;

namespace Custos.Sessions;

internal sealed partial class SqlSessionStore
{
    public async Task CreateAsync(Session session, string tokenHash, string logoutTokenHash, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO sessions (id, nid, identity_id, token, logout_token, active, expires_at, authenticated_at, issued_at, aal, authentication_methods, devices, created_at, updated_at, impersonator) "
            + $"VALUES (@Id, @Nid, @IdentityId, @tokenHash, @logoutTokenHash, @Active, @ExpiresAt, @AuthenticatedAt, @IssuedAt, @Aal, {Json("@Methods")}, {Json("@Devices")}, @CreatedAt, @UpdatedAt, @Impersonator)",
            new
            {
                session.Id,
                Nid,
                session.IdentityId,
                tokenHash,
                logoutTokenHash,
                session.Active,
                session.ExpiresAt,
                session.AuthenticatedAt,
                session.IssuedAt,
                Aal = session.AuthenticatorAssuranceLevel,
                Methods = MethodsToJson(session.AuthenticationMethods),
                Devices = DevicesToJson(session.Devices),
                session.CreatedAt,
                session.UpdatedAt,
                Impersonator = session.Impersonator?.ToJson().ToJsonString(),
            }, ct));
    }

    public async Task UpdateAsync(Session session, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE sessions SET active = @Active, expires_at = @ExpiresAt, authenticated_at = @AuthenticatedAt, issued_at = @IssuedAt, aal = @Aal, "
            + $"authentication_methods = {Json("@Methods")}, devices = {Json("@Devices")}, updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id",
            new
            {
                session.Id,
                Nid,
                session.Active,
                session.ExpiresAt,
                session.AuthenticatedAt,
                session.IssuedAt,
                Aal = session.AuthenticatorAssuranceLevel,
                Methods = MethodsToJson(session.AuthenticationMethods),
                Devices = DevicesToJson(session.Devices),
                session.UpdatedAt,
            }, ct));
    }

    public async Task<bool> ReplaceTokenAsync(Guid id, string tokenHash, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE sessions SET token = @tokenHash, updated_at = @now WHERE nid = @Nid AND id = @id", new { tokenHash, now = Clock.Now(clock), Nid, id }, ct)) > 0;
    }

    public async Task<bool> RevokeAsync(Guid id, Guid? identityId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var sql = "UPDATE sessions SET active = FALSE, updated_at = @now WHERE nid = @Nid AND id = @id" + (identityId is null ? "" : " AND identity_id = @identityId");
        return await connection.ExecuteAsync(Command(sql, new { Nid, id, identityId, now = Clock.Now(clock) }, ct)) > 0;
    }

    public async Task<int> RevokeOthersAsync(Guid identityId, Guid exceptSessionId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE sessions SET active = FALSE, updated_at = @now WHERE nid = @Nid AND identity_id = @identityId AND id <> @exceptSessionId AND active = TRUE",
            new { Nid, identityId, exceptSessionId, now = Clock.Now(clock) }, ct));
    }

    public async Task<int> DeleteByIdentityAsync(Guid identityId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command("DELETE FROM sessions WHERE nid = @Nid AND identity_id = @identityId", new { Nid, identityId }, ct));
    }
}
