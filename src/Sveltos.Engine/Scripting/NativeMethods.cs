using System.Runtime.InteropServices;

namespace Sveltos.Engine.Scripting;

/// <summary>The one Lua C function called with a native function pointer, which KeraLua's delegate-based API cannot pass.</summary>
internal static partial class NativeMethods
{
    [LibraryImport("lua54", EntryPoint = "lua_sethook")]
    [UnmanagedCallConv(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    public static partial void SetHook(IntPtr luaState, IntPtr hook, int mask, int count);
}
