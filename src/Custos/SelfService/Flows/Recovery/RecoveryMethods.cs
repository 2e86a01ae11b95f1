namespace Custos.SelfService.Flows.Recovery;

/// <summary>The recovery methods, as a flow's <c>active</c> and a submission's <c>method</c> name them.</summary>
internal static class RecoveryMethods
{
    public const string Code = "code";
    public const string Link = "link";
}
