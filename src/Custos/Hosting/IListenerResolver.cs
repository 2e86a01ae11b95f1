namespace Custos.Hosting;

/// <summary>Tells which listener a request arrived on.</summary>
internal interface IListenerResolver
{
    /// <summary>The listener of this request.</summary>
    Listener Resolve(HttpContext context);
}
