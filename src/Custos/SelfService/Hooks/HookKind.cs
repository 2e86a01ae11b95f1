namespace Custos.SelfService.Hooks;

/// <summary>The hooks a <c>hooks[].hook</c> entry can name and a Custos flow can run.</summary>
internal enum HookKind
{
    Session,
    RevokeActiveSessions,
    RequireVerifiedAddress,
    Verification,
    ShowVerificationUi,
    WebHook,
    VerifyNewAddress,
    NotifyPreviousAddresses,
}
