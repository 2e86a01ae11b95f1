using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Counts code submissions per flow and consumes codes, for login and registration alike. Kratos's order is kept: the
/// flow's <c>submit_count</c> is raised first, in a statement of its own, and every attempt counts (right or wrong);
/// past <c>max_submissions</c> the flow takes no code any more, and a resend does not reset the count.
/// </summary>
internal sealed class CodeAttempts(
    IFlowStore flows,
    IOneTimeSecretStore secrets,
    OneTimeSecrets hmac,
    DbSession db,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Counts one attempt on <paramref name="flow"/>; false once the flow has used up <c>max_submissions</c>. Must run
    /// outside a transaction: a rolled-back count would give a brute-forcer unlimited guesses.
    /// </summary>
    public async Task<bool> CountAsync(Flow flow, CancellationToken ct)
    {
        if (db.Transaction is not null)
        {
            throw new InvalidOperationException("Code attempts are counted outside a transaction, so that a rollback cannot undo the count.");
        }

        return await flows.IncrementSubmitCountAsync(flow, ct) <= options.CurrentValue.Selfservice.Methods.Code.Config.MaxSubmissions;
    }

    /// <summary>Uses the code described by <paramref name="match"/> (one conditional <c>UPDATE</c>; may run inside the caller's transaction).</summary>
    public async Task<CodeVerification> ConsumeAsync(OneTimeSecretKind kind, Guid flowId, string code, Guid? identityId, IReadOnlyList<string>? addresses, CancellationToken ct)
    {
        var match = new OneTimeSecretMatch(flowId, hmac.Candidates(code)) { IdentityId = identityId, Addresses = addresses };
        var use = await secrets.ConsumeAsync(kind, match, Clock.Now(clock), ct);
        return use.Outcome switch
        {
            OneTimeSecretOutcome.Used => new CodeVerification(CodeVerificationStatus.Ok, new CodeAddress(use.Secret!.AddressType!, use.Secret.Address!)),
            OneTimeSecretOutcome.Expired => new CodeVerification(CodeVerificationStatus.Expired),
            OneTimeSecretOutcome.AlreadyUsed => new CodeVerification(CodeVerificationStatus.AlreadyUsed),
            _ => new CodeVerification(CodeVerificationStatus.WrongCode),
        };
    }
}
