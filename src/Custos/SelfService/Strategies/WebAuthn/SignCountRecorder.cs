using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// Writes a verified login's counter and backup state, best effort as Kratos's <c>UpdateSignCountAfterLogin</c>: the
/// person proved possession already, so a counter that cannot be written is logged and never fails the login.
/// </summary>
internal sealed partial class SignCountRecorder(IWebAuthnStore store, ILogger<SignCountRecorder> logger)
{
    public async Task RecordAsync(Guid identityId, string credentialType, VerifiedAssertion verified, DateTime now, CancellationToken ct)
    {
        try
        {
            await store.RecordLoginAsync(identityId, credentialType, verified, now, ct);
        }
        catch (DbException e)
        {
            LogCounterNotSaved(logger, credentialType, identityId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sign counter of a {CredentialType} key of identity {IdentityId} was not saved ({ErrorType}); the login succeeded.")]
    private static partial void LogCounterNotSaved(ILogger logger, string credentialType, Guid identityId, string errorType);
}
