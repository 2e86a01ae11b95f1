namespace Custos.Ui.Api;

/// <summary>One call of the public API: the operation id (Kratos's <c>operationId</c>), method, path, query and route values.</summary>
internal sealed record ApiCall(string OperationId, string Method, string Path)
{
    public QueryString Query { get; init; } = QueryString.Empty;

    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>();

    /// <summary>Ask for JSON (as the SDKs do); false makes the call look like a browser navigation (redirects instead of JSON).</summary>
    public bool Json { get; init; } = true;

    public static ApiCall Get(string operationId, string path, QueryString query) => new(operationId, HttpMethods.Get, path) { Query = query };
}
