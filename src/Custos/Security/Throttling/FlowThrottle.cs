using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Http;
using Microsoft.Extensions.Options;

namespace Custos.Security.Throttling;

/// <summary>
/// The rules of <c>security.throttling</c> around one flow submission (scoped: it remembers the request's keys between
/// the steps). Before the flow service: one read of the client address's failures and, for a password login, of the
/// identifier's counters from this address and from everywhere; a registration takes one from its address. After it:
/// a failure is counted in one upsert. A refused submission is never counted again.
/// </summary>
internal sealed class FlowThrottle(
    IThrottleStore store, ThrottleKeyHasher hasher, ClientAddressResolver addresses, IOptionsMonitor<CustosOptions> options, TimeProvider clock, IAuditLog audit)
{
    private ThrottleKey? _address;
    private ThrottleKey? _pair;
    private ThrottleKey? _ceiling;
    private bool _identifierHasCounts;
    private bool _settled;

    private ThrottlingOptions Settings => options.CurrentValue.Security.Throttling;

    /// <summary>Whether a submission of <paramref name="kind"/> with <paramref name="payload"/> may go on; the refusal when not.</summary>
    public async Task<ThrottleRefusal?> BeforeSubmitAsync(HttpContext context, FlowKind kind, JsonObject payload, CancellationToken ct)
    {
        var settings = Settings;
        if (!settings.Enabled)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var client = addresses.Resolve(context);
        _address = hasher.Key(settings.Rule(ThrottleRules.LoginAddress), null, client);
        var keys = new List<ThrottleKey> { _address };
        if (kind == FlowKind.Login && FlowPayloadReader.GetString(payload, "method") == "password"
            && (FlowPayloadReader.GetString(payload, "identifier") ?? FlowPayloadReader.GetString(payload, "password_identifier")) is { Length: > 0 } raw)
        {
            // Known and unknown identifiers are keyed alike, so the counters never tell whether an account exists.
            var identifier = IdentifierNormalizer.Normalize(raw);
            var subject = hasher.Subject(ThrottleSubjects.Identifier, identifier);
            _pair = hasher.Key(settings.Rule(ThrottleRules.LoginIdentifier), subject, identifier, client);
            _ceiling = hasher.Key(settings.Rule(ThrottleRules.LoginIdentifierCeiling), subject, identifier);
            keys.Add(_pair);
            keys.Add(_ceiling);
        }

        var counts = await store.ReadAsync(keys, now, ct);
        _identifierHasCounts = counts.Any(c => !ReferenceEquals(c.Key, _address));
        if (counts.Where(c => c.Exhausted).MaxBy(c => c.ExpiresAt) is { } full)
        {
            _settled = true;
            return new ThrottleRefusal(full.Key.Rule.Name, full.RetryAfterSeconds(now));
        }

        if (kind == FlowKind.Registration)
        {
            var take = await store.TryTakeAsync(hasher.Key(settings.Rule(ThrottleRules.RegistrationAddress), null, client), now, ct);
            if (!take.Allowed)
            {
                _settled = true;
                return new ThrottleRefusal(ThrottleRules.RegistrationAddress, take.Count.RetryAfterSeconds(now));
            }

            await AuditStartedBlocksAsync([take.Count], ct);
        }

        return null;
    }

    /// <summary>A password did not match (or the identifier is unknown): counts it for the identifier and the address.</summary>
    public async Task PasswordFailedAsync(CancellationToken ct)
    {
        if (_pair is null || _ceiling is null || _address is null || _settled)
        {
            return;
        }

        _settled = true;
        await AuditStartedBlocksAsync(await store.IncrementAsync([_pair, _ceiling, _address], clock.GetUtcNow(), ct), ct);
    }

    /// <summary>A password matched: the identifier's counters go (all addresses, and the ceiling).</summary>
    public async Task PasswordSucceededAsync(CancellationToken ct)
    {
        if (_identifierHasCounts && _pair?.Subject is { } subject)
        {
            await store.ClearSubjectsAsync([subject], ct);
        }
    }

    /// <summary>After the flow service: a submission that ended with validation or credential messages counts for its address.</summary>
    public async Task AfterSubmitAsync(bool failed, CancellationToken ct)
    {
        if (!failed || _address is null || _settled)
        {
            return;
        }

        _settled = true;
        await AuditStartedBlocksAsync(await store.IncrementAsync([_address], clock.GetUtcNow(), ct), ct);
    }

    /// <summary>
    /// The account was proven another way (a recovery, a login by code, passkey, security key or social sign-in) or an
    /// admin lifted the lockout: every password identifier's counters and the identity's code counters go.
    /// </summary>
    public Task<int> ClearIdentityAsync(Identity.Identity identity, CancellationToken ct)
    {
        if (!Settings.Enabled)
        {
            return Task.FromResult(0);
        }

        var subjects = new List<string> { hasher.Subject(ThrottleSubjects.Identity, identity.Id.ToString("D")) };
        foreach (var credential in identity.Credentials.Values)
        {
            subjects.AddRange(credential.Identifiers.Select(i => hasher.Subject(ThrottleSubjects.Identifier, IdentifierNormalizer.Normalize(i))));
        }

        return store.ClearSubjectsAsync(subjects, ct);
    }

    /// <summary>Clears the counters of one login identifier (<c>custos throttling clear --identifier</c>).</summary>
    public Task<int> ClearIdentifierAsync(string identifier, CancellationToken ct) =>
        store.ClearSubjectsAsync([hasher.Subject(ThrottleSubjects.Identifier, IdentifierNormalizer.Normalize(identifier))], ct);

    // Counts rise one at a time, so exactly one event per window and key reaches the limit: the block is audited once.
    private async Task AuditStartedBlocksAsync(IReadOnlyList<ThrottleCount> counts, CancellationToken ct)
    {
        foreach (var count in counts.Where(c => c.JustExhausted))
        {
            await audit.AppendAsync(new AuditEntry(AuditEventTypes.ThrottlingBlocked, Details: new JsonObject
            {
                ["rule"] = count.Key.Rule.Name,
                ["key"] = count.Key.Hash[..16],
                ["limit"] = count.Key.Rule.Limit,
                ["until"] = count.ExpiresAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }), ct);
        }
    }
}
