namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>The range API could not be reached or answered with a non-200 status: ignorable per <c>ignore_network_errors</c>.</summary>
internal sealed class HaveIBeenPwnedUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>True when the server answered, but not with 200.</summary>
    public bool UnexpectedStatus { get; init; }
}
