using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>
/// Session token exchanges over their store. Codes are 64 alphanumerics (Kratos's length, about 380 bits) and are
/// stored as SHA-256 digests, so a database leak yields no code; the lookup matches digests, which tells an attacker
/// who can time it nothing about a code. The return-to code is drawn when the flow hands it out, not at creation.
/// </summary>
internal sealed class SessionTokenExchanges(
    ISessionTokenExchangeStore store,
    IFlowStore flows,
    SessionManager sessions,
    DbSession db,
    TimeProvider clock,
    IOptionsMonitor<CustosOptions> options) : ISessionTokenExchanges
{
    /// <summary>Kratos's cleanup horizon for exchanges (one hour after creation).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Kratos's code length.</summary>
    public const int CodeLength = 64;

    public async Task<string> CreateAsync(Guid flowId, CancellationToken ct)
    {
        var initCode = SessionTokens.RandomAlphanumerics(CodeLength);
        var now = Clock.Now(clock);
        await store.CreateAsync(new SessionTokenExchanger
        {
            Id = Guid.NewGuid(), FlowId = flowId, InitCodeHash = SessionTokens.Hash(initCode), ReturnToCodeHash = "", CreatedAt = now, UpdatedAt = now,
        }, ct);
        return initCode;
    }

    public async Task<byte[]?> StateBindingAsync(Guid flowId, CancellationToken ct) =>
        await store.FindByFlowAsync(flowId, ct) is { } exchanger
            ? SHA512.HashData(Encoding.UTF8.GetBytes(exchanger.InitCodeHash))
            : null;

    public Task<string?> CompleteAsync(Guid flowId, Guid sessionId, CancellationToken ct) => HandOutAsync(flowId, sessionId, ct);

    public Task<string?> PendingReturnToCodeAsync(Guid flowId, CancellationToken ct) => HandOutAsync(flowId, null, ct);

    public Task MoveAsync(Guid fromFlowId, Guid toFlowId, CancellationToken ct) => store.MoveAsync(fromFlowId, toFlowId, Clock.Now(clock), ct);

    public Task<SessionTokenExchangeResult> ExchangeAsync(string initCode, string returnToCode, CancellationToken ct)
    {
        var initCodeHash = SessionTokens.Hash(initCode);
        var returnToCodeHash = SessionTokens.Hash(returnToCode);
        var now = Clock.Now(clock);
        var notBefore = now - EffectiveLifetime();
        // Spending the row and giving the session its new token commit together: a failure leaves the codes usable.
        return db.RunInTransactionAsync<SessionTokenExchangeResult>(async c =>
        {
            await store.DeleteCreatedBeforeAsync(notBefore, c);
            if (await store.RedeemAsync(initCodeHash, returnToCodeHash, notBefore, c) is { SessionId: { } sessionId })
            {
                return await sessions.ReissueTokenAsync(sessionId, c) is { } reissued
                    ? new SessionTokenExchangeResult.Exchanged(reissued.Session, reissued.Token)
                    : new SessionTokenExchangeResult.NotFound();
            }

            if (await store.FindAsync(initCodeHash, returnToCodeHash, notBefore, c) is not { } pending)
            {
                return new SessionTokenExchangeResult.NotFound();
            }

            Flow? flow = await flows.GetAsync<RegistrationFlow>(pending.FlowId, c);
            flow ??= await flows.GetAsync<LoginFlow>(pending.FlowId, c);
            return flow is null ? new SessionTokenExchangeResult.NotFound() : new SessionTokenExchangeResult.Pending(flow);
        }, ct);
    }

    private async Task<string?> HandOutAsync(Guid flowId, Guid? sessionId, CancellationToken ct)
    {
        var returnToCode = SessionTokens.RandomAlphanumerics(CodeLength);
        return await store.SetReturnToCodeAsync(flowId, SessionTokens.Hash(returnToCode), sessionId, Clock.Now(clock), ct)
            ? returnToCode
            : null;
    }

    // A flow may live longer than an hour when its lifespan is configured so; its exchange lives as long.
    private TimeSpan EffectiveLifetime()
    {
        var f = options.CurrentValue.Selfservice.Flows;
        return new[] { Lifetime, f.Login.Lifespan, f.Registration.Lifespan }.Max();
    }
}
