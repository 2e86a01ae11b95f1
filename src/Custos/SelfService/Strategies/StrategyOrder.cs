namespace Custos.SelfService.Strategies;

/// <summary>
/// Kratos's strategy order, which is both the order forms are filled in and the order submissions are offered
/// (strategies contract §0.1): profile, password, oidc, code, link, totp, passkey, webauthn, lookup_secret, identifier_first.
/// </summary>
internal static class StrategyOrder
{
    public const int Profile = 0;
    public const int Password = 10;
    public const int Oidc = 20;
    public const int Code = 30;
    public const int Link = 40;
    public const int Totp = 50;
    public const int Passkey = 60;
    public const int Webauthn = 70;
    public const int LookupSecret = 80;
    public const int IdentifierFirst = 90;
}
