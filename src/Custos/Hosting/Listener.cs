namespace Custos.Hosting;

/// <summary>The two HTTP listeners of Kratos: public (4433) and admin (4434).</summary>
internal enum Listener
{
    Public,
    Admin,
}
