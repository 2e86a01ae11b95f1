using Custos.SelfService.Ui;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// One entry of an interrupt answer: <c>instance_ptr</c>, a JSON pointer into the submitted form (<c>#/traits/email</c>;
/// <c>#/</c> or empty for the whole form), and its messages with the hook's own ids, texts and contexts.
/// </summary>
internal sealed record WebHookInterrupt(string InstancePtr, IReadOnlyList<UiText> Messages);
