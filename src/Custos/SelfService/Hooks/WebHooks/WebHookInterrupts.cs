using Custos.SelfService.Ui;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Puts an interrupt answer on a flow's UI as Kratos does: each pointer names a node (<c>#/traits/email</c> is
/// <c>traits.email</c>, created as a text input of <paramref name="group"/> when the flow has none), <c>#/</c> or an
/// empty pointer the form's <c>ui.messages</c>.
/// </summary>
internal static class WebHookInterrupts
{
    public static void ApplyTo(UiContainer ui, IReadOnlyList<WebHookInterrupt> interrupts, string group = UiNodeGroup.Default)
    {
        foreach (var interrupt in interrupts)
        {
            var name = NodeName(interrupt.InstancePtr);
            foreach (var message in interrupt.Messages)
            {
                ui.AddMessage(name, message, group);
            }
        }
    }

    /// <summary>The dotted node name of a JSON pointer (<c>#/traits/email</c> → <c>traits.email</c>); empty for the root.</summary>
    public static string NodeName(string pointer)
    {
        var path = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        return string.Join('.', segments);
    }
}
