namespace Custos.Schema.Validation;

/// <summary>
/// The rules one schema resource is evaluated with: its draft and, for 2020-12 meta-schemas that declare
/// <c>$vocabulary</c>, which vocabularies are switched on.
/// </summary>
internal sealed record SchemaDialect(
    SchemaDraft Draft,
    bool Validation = true,
    bool Applicator = true,
    bool Unevaluated = true,
    bool? AssertFormat = null)
{
    public static readonly SchemaDialect Draft7 = new(SchemaDraft.Draft7);
    public static readonly SchemaDialect Draft202012 = new(SchemaDraft.Draft202012);

    public static SchemaDialect For(SchemaDraft draft) => draft == SchemaDraft.Draft7 ? Draft7 : Draft202012;
}
