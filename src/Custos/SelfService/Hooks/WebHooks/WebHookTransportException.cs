namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>A web-hook request that got no answer to act on; <see cref="Failure"/> says why.</summary>
internal sealed class WebHookTransportException(WebHookFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public WebHookFailure Failure { get; } = failure;
}
