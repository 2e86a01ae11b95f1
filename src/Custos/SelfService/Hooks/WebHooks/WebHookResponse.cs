namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>A web hook's answer: its status and at most the first 5 MiB of its body, as Kratos reads it.</summary>
internal sealed record WebHookResponse(int Status, string Body)
{
    /// <summary>retryablehttp's rule: 429 and 5xx except 501 are tried again.</summary>
    public bool IsRetryable => Status == 429 || (Status >= 500 && Status != 501);
}
