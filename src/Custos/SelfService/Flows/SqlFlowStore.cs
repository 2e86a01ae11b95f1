using System.Text.Json.Nodes;
using Custos.Persistence;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Ui;
using Dapper;

namespace Custos.SelfService.Flows;

/// <summary>
/// Flow rows: common columns plus the kind-specific fields as <c>internal_context</c> JSON; the strategies' own
/// context (<see cref="Flow.StrategyContext"/>) is kept under <see cref="StrategyContextKey"/> beside them.
/// </summary>
internal sealed class SqlFlowStore(DbSession db) : IFlowStore
{
    // Nested under one key so that strategy entries never collide with a kind's own context fields.
    private const string StrategyContextKey = "strategy_context";

    private sealed class FlowRow
    {
        public Guid Id { get; set; }
        public string Type { get; set; } = "";
        public string State { get; set; } = "";
        public string RequestUrl { get; set; } = "";
        public string? ActiveMethod { get; set; }
        public string Ui { get; set; } = "{}";
        public string CsrfToken { get; set; } = "";
        public string InternalContext { get; set; } = "{}";
        public Guid? IdentityId { get; set; }
        public DateTime IssuedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    private string Json(string parameter) => db.Dialect == SqlDialect.Postgres ? $"CAST({parameter} AS jsonb)" : parameter;

    public async Task CreateAsync(Flow flow, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {FlowKinds.Table(flow.Kind)} (id, nid, type, state, request_url, active_method, ui, csrf_token, internal_context, identity_id, issued_at, expires_at, created_at, updated_at) "
            + $"VALUES (@Id, @Nid, @Type, @State, @RequestUrl, @ActiveMethod, {Json("@Ui")}, @CsrfToken, {Json("@InternalContext")}, @IdentityId, @IssuedAt, @ExpiresAt, @CreatedAt, @UpdatedAt)",
            Parameters(flow), db.Transaction, cancellationToken: ct));
    }

    public async Task UpdateAsync(Flow flow, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        // A request that lost a race to complete the flow holds a stale copy; writing it back would reopen the passed
        // flow (a resend could then issue a new code, and a second identity come out of one registration).
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {FlowKinds.Table(flow.Kind)} SET state = @State, request_url = @RequestUrl, active_method = @ActiveMethod, ui = {Json("@Ui")}, "
            + $"csrf_token = @CsrfToken, internal_context = {Json("@InternalContext")}, expires_at = @ExpiresAt, updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id "
            + "AND (state <> 'passed_challenge' OR @State = 'passed_challenge')",
            Parameters(flow), db.Transaction, cancellationToken: ct));
    }

    public async Task<bool> TryMarkPassedAsync(Flow flow, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {FlowKinds.Table(flow.Kind)} SET state = 'passed_challenge', updated_at = @UpdatedAt WHERE nid = @Nid AND id = @Id AND state <> 'passed_challenge'",
            new { flow.Id, Nid = Network.DefaultId, flow.UpdatedAt }, db.Transaction, cancellationToken: ct));
        if (changed == 1)
        {
            flow.State = "passed_challenge";
        }

        return changed == 1;
    }

    public async Task<T?> GetAsync<T>(Guid id, CancellationToken ct)
        where T : Flow
    {
        var kind = KindOf<T>();
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FlowRow>(new CommandDefinition(
            $"SELECT id, type, state, request_url, active_method, ui, csrf_token, internal_context, identity_id, issued_at, expires_at, created_at, updated_at FROM {FlowKinds.Table(kind)} WHERE nid = @Nid AND id = @id",
            new { Nid = Network.DefaultId, id }, db.Transaction, cancellationToken: ct));
        return row is null ? null : (T)Materialize(kind, row);
    }

    public async Task<int> IncrementSubmitCountAsync(Flow flow, CancellationToken ct)
    {
        if (flow.Kind is FlowKind.Settings)
        {
            throw new InvalidOperationException($"{flow.Kind} flows do not count code submissions");
        }

        // One statement, so parallel submissions each see their own count (no lost update).
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"UPDATE {FlowKinds.Table(flow.Kind)} SET submit_count = submit_count + 1 WHERE nid = @Nid AND id = @Id RETURNING submit_count",
            new { flow.Id, Nid = Network.DefaultId }, db.Transaction, cancellationToken: ct));
    }

    private static FlowKind KindOf<T>()
        where T : Flow => typeof(T).Name switch
        {
            nameof(LoginFlow) => FlowKind.Login,
            nameof(RegistrationFlow) => FlowKind.Registration,
            nameof(RecoveryFlow) => FlowKind.Recovery,
            nameof(VerificationFlow) => FlowKind.Verification,
            _ => FlowKind.Settings,
        };

    private static Flow Materialize(FlowKind kind, FlowRow row)
    {
        var ui = UiContainer.FromJson((JsonObject)JsonNode.Parse(row.Ui)!);
        Flow flow = kind switch
        {
            FlowKind.Login => new LoginFlow { Id = row.Id, Type = row.Type, RequestUrl = row.RequestUrl, Ui = ui },
            FlowKind.Registration => new RegistrationFlow { Id = row.Id, Type = row.Type, RequestUrl = row.RequestUrl, Ui = ui },
            FlowKind.Recovery => new RecoveryFlow { Id = row.Id, Type = row.Type, RequestUrl = row.RequestUrl, Ui = ui },
            FlowKind.Verification => new VerificationFlow { Id = row.Id, Type = row.Type, RequestUrl = row.RequestUrl, Ui = ui },
            _ => new SettingsFlow { Id = row.Id, Type = row.Type, RequestUrl = row.RequestUrl, Ui = ui, IdentityId = row.IdentityId ?? Guid.Empty },
        };
        flow.State = row.State;
        flow.Active = row.ActiveMethod;
        flow.CsrfToken = row.CsrfToken;
        flow.IssuedAt = row.IssuedAt;
        flow.ExpiresAt = row.ExpiresAt;
        flow.CreatedAt = row.CreatedAt;
        flow.UpdatedAt = row.UpdatedAt;
        var context = (JsonObject)JsonNode.Parse(row.InternalContext)!;
        flow.ReadContext(context);
        flow.StrategyContext = context[StrategyContextKey] is JsonObject strategies ? (JsonObject)strategies.DeepClone() : [];
        return flow;
    }

    private static object Parameters(Flow flow)
    {
        var context = new JsonObject();
        flow.WriteContext(context);
        if (flow.StrategyContext.Count > 0)
        {
            context[StrategyContextKey] = flow.StrategyContext.DeepClone();
        }

        return new
        {
            flow.Id,
            Nid = Network.DefaultId,
            flow.Type,
            flow.State,
            flow.RequestUrl,
            ActiveMethod = flow.Active,
            Ui = flow.Ui.ToJson().ToJsonString(),
            flow.CsrfToken,
            InternalContext = context.ToJsonString(),
            IdentityId = (flow as SettingsFlow)?.IdentityId,
            flow.IssuedAt,
            flow.ExpiresAt,
            flow.CreatedAt,
            flow.UpdatedAt,
        };
    }
}
