using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>Puts a new recovery flow in place of one that cannot go on (expired, completed, too many codes, a bad link).</summary>
internal sealed class RecoveryFlowReplacer(FlowFactory factory, IFlowStore store)
{
    /// <summary>
    /// A stored new flow of the same type and request, carrying <paramref name="message"/> and the first step of
    /// <paramref name="method"/>. Like Kratos's retry it keeps the replaced flow's <c>active</c> method while that
    /// method is the one given and enabled, so a used admin link leads to a link flow.
    /// </summary>
    public async Task<RecoveryFlow> ReplaceAsync(FlowRequest request, RecoveryFlow old, IRecoveryStrategy method, UiText message, CancellationToken ct)
    {
        var replacement = RecoveryFlowService.New(old.Type, old.RequestUrl);
        replacement.SkipSettings = old.SkipSettings;
        if (old.Active == method.Method && method.IsEnabled(factory.Options))
        {
            replacement.Active = old.Active;
        }

        factory.InitReplacement(replacement, old, request);
        method.Populate(replacement);
        replacement.Ui.Messages.Add(message);
        await store.CreateAsync(replacement, ct);
        return replacement;
    }
}
