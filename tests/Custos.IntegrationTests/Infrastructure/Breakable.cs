using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>A switch shared by the parts a test breaks on purpose.</summary>
public sealed class BreakSwitch
{
    public bool Broken { get; set; }
}

/// <summary>
/// Wraps a real service of the app: every call goes to it, except that while the switch is on, calls of one method
/// fail as an unavailable part would. For tests of what a failure half-way leaves behind.
/// </summary>
public static class Breakable
{
    public static T Wrap<T>(T inner, string method, BreakSwitch breakSwitch)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, BreakableProxy<T>>();
        ((BreakableProxy<T>)(object)proxy).Set(inner, method, breakSwitch);
        return proxy;
    }
}

/// <summary>The proxy behind <see cref="Breakable.Wrap"/>.</summary>
public class BreakableProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;
    private string _method = "";
    private BreakSwitch _switch = null!;

    internal void Set(T inner, string method, BreakSwitch breakSwitch) =>
        (_inner, _method, _switch) = (inner, method, breakSwitch);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_switch.Broken && targetMethod.Name == _method)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{_method} is broken on purpose");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
