using Custos.Identity;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The <c>totp</c> group's nodes with Kratos's attributes, labels and message ids, each list already in the order
/// Kratos's <c>SortBySchema</c> leaves them (settings keys <c>totp_qr</c>, <c>totp_secret_key</c>, <c>totp_unlink</c>,
/// <c>totp_code</c>; <c>method</c> last).
/// </summary>
internal static class TotpNodes
{
    public const string CodeField = "totp_code";
    public const string UnlinkField = "totp_unlink";
    public const string QrId = "totp_qr";
    public const string SecretKeyId = "totp_secret_key";
    private const string Method = "method";

    /// <summary>Settings without a linked app: the QR code, the secret as text, the code input and "Save".</summary>
    public static IReadOnlyList<UiNode> SettingsSetup(TotpKey key)
    {
        var secret = UiNode.Text(UiNodeGroup.Totp, SecretKeyId, Messages.InfoSelfServiceSettingsTOTPSecret(key.Secret));
        secret.Label = Messages.InfoSelfServiceSettingsTOTPSecretLabel();
        return
        [
            UiNode.Image(UiNodeGroup.Totp, QrId, TotpQrCode.DataUri(key.Url), TotpQrCode.Size, TotpQrCode.Size, Messages.InfoSelfServiceSettingsTOTPQRCode()),
            secret,
            UiNode.Input(UiNodeGroup.Totp, CodeField, "text", required: true, label: Messages.InfoNodeLabelVerifyOTP()),
            UiNode.Input(UiNodeGroup.Totp, Method, "submit", value: CredentialTypes.Totp, label: Messages.InfoNodeLabelSave()),
        ];
    }

    /// <summary>Settings with a linked app: one submit button, <c>totp_unlink=true</c>.</summary>
    public static IReadOnlyList<UiNode> SettingsUnlink() =>
        [UiNode.Input(UiNodeGroup.Totp, UnlinkField, "submit", value: "true", required: true, label: Messages.InfoSelfServiceSettingsUpdateUnlinkTOTP())];

    /// <summary>An aal2 login flow for an identity with a <c>totp</c> credential: the code input and "Use Authenticator".</summary>
    public static IReadOnlyList<UiNode> Login() =>
    [
        UiNode.Input(UiNodeGroup.Totp, CodeField, "text", value: "", required: true, label: Messages.InfoSelfServiceLoginTOTPLabel()),
        UiNode.Input(UiNodeGroup.Totp, Method, "submit", value: CredentialTypes.Totp, label: Messages.InfoLoginTOTP()),
    ];
}
