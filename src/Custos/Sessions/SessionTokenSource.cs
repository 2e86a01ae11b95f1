namespace Custos.Sessions;

/// <summary>Where a request carried its session token.</summary>
internal enum SessionTokenSource
{
    /// <summary>The <c>X-Session-Token</c> header.</summary>
    Header,

    /// <summary>The session cookie.</summary>
    Cookie,

    /// <summary><c>Authorization: Bearer</c>.</summary>
    Bearer,
}
