namespace Custos.Schema.Stored;

/// <summary>What <see cref="IIdentitySchemaStore.DeleteAsync"/> did.</summary>
internal enum SchemaDeletion
{
    /// <summary>The schema was removed.</summary>
    Deleted,

    /// <summary>No stored schema has that id.</summary>
    NotFound,

    /// <summary>At least one identity uses the schema, so it was kept.</summary>
    InUse,
}
