namespace Custos.Courier.Jsonnet;

/// <summary>A Jsonnet template that does not evaluate: libjsonnet's error message.</summary>
internal sealed class JsonnetException(string message) : Exception(message);
