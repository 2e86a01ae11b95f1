using System.Text.Json.Nodes;

namespace Custos.Hosting;

/// <summary>
/// An error that ends a request with Kratos's envelope <c>{"error":{id,code,status,reason,message,details}}</c>.
/// <see cref="TopLevel"/> holds the extra top-level fields of Kratos's "enhanced" errors (<c>use_flow_id</c>, ...).
/// </summary>
internal sealed class CustosException(int code, string message, string? reason = null, string? id = null) : Exception(message)
{
    public int Code { get; } = code;
    public string? Id { get; } = id;
    public string? Reason { get; } = reason;
    public JsonObject? Details { get; init; }
    public JsonObject? TopLevel { get; init; }
}
