namespace Custos.Courier.Templates;

/// <summary>A template that cannot be loaded or compiled; the message names the template (never the rendered data).</summary>
internal sealed class CourierTemplateException(string message, Exception? inner = null) : Exception(message, inner);
