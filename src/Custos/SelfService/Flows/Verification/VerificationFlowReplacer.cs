using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Verification;

/// <summary>Puts a new verification flow in place of one that cannot go on (expired, completed, too many codes, a bad link).</summary>
internal sealed class VerificationFlowReplacer(FlowFactory factory, IFlowStore store)
{
    /// <summary>A stored new flow of the same type and request, carrying <paramref name="message"/> (if any) and the first step of <paramref name="method"/>.</summary>
    public async Task<VerificationFlow> ReplaceAsync(FlowRequest request, VerificationFlow old, IVerificationStrategy method, UiText? message, CancellationToken ct)
    {
        var replacement = VerificationFlowService.New(old.Type, old.RequestUrl);
        factory.InitReplacement(replacement, old, request);
        method.Populate(replacement);
        if (message is not null)
        {
            replacement.Ui.Messages.Add(message);
        }

        await store.CreateAsync(replacement, ct);
        return replacement;
    }
}
