namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>The two request bodies a web hook can send.</summary>
internal static class WebHookContentTypes
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";
}
