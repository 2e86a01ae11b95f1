namespace Custos.SelfService.Flows;

/// <summary>Flow types: <c>browser</c> (cookies, CSRF; also SPAs) and <c>api</c> (native apps, session tokens).</summary>
internal static class FlowTypes
{
    public const string Browser = "browser";
    public const string Api = "api";
}
