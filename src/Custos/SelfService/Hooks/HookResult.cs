namespace Custos.SelfService.Hooks;

/// <summary>What a hook tells its pipeline: go on with the next hook, or stop the flow with a response.</summary>
internal sealed class HookResult
{
    private HookResult(IResult? response) => Response = response;

    public static HookResult Continue { get; } = new(null);

    /// <summary>The response that ends the flow instead of its usual answer; null to continue.</summary>
    public IResult? Response { get; }

    public static HookResult Abort(IResult response) => new(response);
}
