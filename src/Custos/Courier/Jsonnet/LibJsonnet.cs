using System.Runtime.InteropServices;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.Courier.Jsonnet;

/// <summary>P/Invoke into Debian's <c>libjsonnet.so.0</c> (package <c>libjsonnet0</c>, the C++ implementation, 0.18 C API).</summary>
internal static unsafe partial class LibJsonnet
{
    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_make")]
    public static partial IntPtr Make();

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_destroy")]
    public static partial void Destroy(IntPtr vm);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_max_stack")]
    public static partial void MaxStack(IntPtr vm, uint value);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_max_trace")]
    public static partial void MaxTrace(IntPtr vm, uint value);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_tla_code", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void TlaCode(IntPtr vm, string key, string value);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_ext_code", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ExtCode(IntPtr vm, string key, string value);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_import_callback")]
    public static partial void ImportCallback(IntPtr vm, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, IntPtr*, int*, IntPtr> callback, IntPtr context);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_evaluate_snippet", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr EvaluateSnippet(IntPtr vm, string filename, string snippet, out int error);

    [LibraryImport(NativeLibraries.Jsonnet, EntryPoint = "jsonnet_realloc")]
    public static partial IntPtr Realloc(IntPtr vm, IntPtr buffer, nuint size);
}
