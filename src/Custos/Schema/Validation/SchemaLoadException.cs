namespace Custos.Schema.Validation;

/// <summary>Thrown when a schema is invalid or references a document that cannot or must not be loaded.</summary>
internal sealed class SchemaLoadException : Exception
{
    public SchemaLoadException()
    {
    }

    public SchemaLoadException(string message)
        : base(message)
    {
    }

    public SchemaLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
