using Custos.SelfService.Flows;
using Custos.Sessions;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// What one execution point hands a web hook for its <c>ctx</c>: the flow, the request, and the identity and session
/// where Kratos provides them (contract §7.3: login after has both, registration and recovery after the identity only,
/// settings both, before hooks neither except settings' session).
/// </summary>
internal sealed record WebHookInvocation(Flow Flow, WebHookRequestInfo Request, Identity.Identity? Identity = null, Session? Session = null);
