using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>
/// Session token exchanges on Dapper. Redeeming is one <c>DELETE ... RETURNING</c>: PostgreSQL lets a second deleter of
/// the same row find it gone, SQLite serialises writers (<c>BEGIN IMMEDIATE</c>), so a pair of codes is spent once.
/// </summary>
internal sealed class SqlSessionTokenExchangeStore(DbSession db) : ISessionTokenExchangeStore
{
    private const string Columns =
        "id, flow_id, session_id, init_code AS init_code_hash, return_to_code AS return_to_code_hash, created_at, updated_at";

    // Both digests must match; an empty return-to digest (nothing handed out yet) never does.
    private const string ByCodes =
        "nid = @Nid AND init_code = @initCodeHash AND return_to_code = @returnToCodeHash AND return_to_code <> '' AND created_at >= @notBefore";

    private static readonly Guid Nid = Network.DefaultId;

    public async Task CreateAsync(SessionTokenExchanger exchanger, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO session_token_exchanges (id, nid, flow_id, session_id, init_code, return_to_code, created_at, updated_at) "
            + "VALUES (@Id, @Nid, @FlowId, @SessionId, @InitCodeHash, @ReturnToCodeHash, @CreatedAt, @UpdatedAt)",
            new
            {
                exchanger.Id, Nid, exchanger.FlowId, exchanger.SessionId, exchanger.InitCodeHash, exchanger.ReturnToCodeHash,
                exchanger.CreatedAt, exchanger.UpdatedAt,
            }, ct));
    }

    public async Task<SessionTokenExchanger?> FindByFlowAsync(Guid flowId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<SessionTokenExchanger>(Command(
            $"SELECT {Columns} FROM session_token_exchanges WHERE nid = @Nid AND flow_id = @flowId ORDER BY created_at DESC",
            new { Nid, flowId }, ct));
    }

    public async Task<bool> SetReturnToCodeAsync(Guid flowId, string returnToCodeHash, Guid? sessionId, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE session_token_exchanges SET return_to_code = @returnToCodeHash, session_id = @sessionId, updated_at = @now WHERE nid = @Nid AND flow_id = @flowId",
            new { returnToCodeHash, sessionId, now, Nid, flowId }, ct)) > 0;
    }

    public async Task<bool> MoveAsync(Guid fromFlowId, Guid toFlowId, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE session_token_exchanges SET flow_id = @toFlowId, updated_at = @now WHERE nid = @Nid AND flow_id = @fromFlowId",
            new { toFlowId, now, Nid, fromFlowId }, ct)) > 0;
    }

    public async Task<SessionTokenExchanger?> RedeemAsync(string initCodeHash, string returnToCodeHash, DateTime notBefore, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<SessionTokenExchanger>(Command(
            $"DELETE FROM session_token_exchanges WHERE {ByCodes} AND session_id IS NOT NULL RETURNING {Columns}",
            new { Nid, initCodeHash, returnToCodeHash, notBefore }, ct));
    }

    public async Task<SessionTokenExchanger?> FindAsync(string initCodeHash, string returnToCodeHash, DateTime notBefore, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<SessionTokenExchanger>(Command(
            $"SELECT {Columns} FROM session_token_exchanges WHERE {ByCodes}",
            new { Nid, initCodeHash, returnToCodeHash, notBefore }, ct));
    }

    public async Task<int> DeleteCreatedBeforeAsync(DateTime before, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "DELETE FROM session_token_exchanges WHERE nid = @Nid AND created_at < @before", new { Nid, before }, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
