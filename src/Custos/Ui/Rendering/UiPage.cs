namespace Custos.Ui.Rendering;

/// <summary>One page before it is wrapped in the shell: its title, main content, status and what the shell must add.</summary>
internal sealed class UiPage
{
    public required string Title { get; init; }

    public required Html Main { get; init; }

    public int Status { get; init; } = StatusCodes.Status200OK;

    /// <summary>The masked CSRF token for the header's sign-out form; null on pages shown without a session.</summary>
    public string? SignOutCsrfToken { get; init; }

    /// <summary>A wider card (tables, the mailbox).</summary>
    public bool Wide { get; init; }

    /// <summary>The page frames sandboxed documents of this origin (the dev mailbox's mail bodies).</summary>
    public bool FramesSelf { get; init; }

    /// <summary>Script tags from flow nodes (WebAuthn), written at the end of the body.</summary>
    public Html Scripts { get; } = new();

    /// <summary>Nonces of the script tags, allowed by the page's CSP.</summary>
    public List<string> ScriptNonces { get; } = [];

    /// <summary>Whether nodes carry <c>onclickTrigger</c>/<c>onloadTrigger</c>, which <c>ui.js</c> wires up.</summary>
    public bool NeedsTriggers { get; set; }
}
