using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using KeraLua;

namespace Sveltos.Engine.Scripting;

/// <summary>
/// One Lua 5.4 state for untrusted scripts: only the base, string, table, math, utf8 and coroutine libraries,
/// without file loading, bytecode or finalizers; each call bounded in time (an instruction hook) and the state
/// bounded in memory (its allocator).
/// </summary>
/// <remarks>
/// Lua reports errors with longjmp, which must never cross a managed frame. So nothing here raises a Lua error
/// from managed code: scripts and data run inside a coroutine (lua_resume is the protected boundary); past the
/// time limit the managed hook only swaps itself for Lua's own lua_error as the running thread's hook, so the
/// next instruction raises the error from native code (a yield would fail inside a sort comparator or a
/// metamethod, where Lua cannot yield); the memory limit makes the allocator return null, which Lua turns into an
/// error in its own C code. A single library call, such as a pattern match on a long string, is not interrupted
/// until it returns.
/// </remarks>
internal sealed class LuaSandbox : IDisposable
{
    // Runs first in every state: removes what reaches outside the sandbox or could run outside its limits. Lua runs
    // an xpcall message handler before unwinding, with hooks off when the error came from the time limit, so the
    // handler is called after pcall has unwound instead, where the time limit applies to it too.
    private const string Prelude = """
        dofile, loadfile, load, loadstring, require, collectgarbage = nil, nil, nil, nil, nil, nil
        print = function() end
        local original_setmetatable, rawget = setmetatable, rawget
        setmetatable = function(t, mt)
          if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
            error("__gc metamethods are not allowed in this sandbox", 2)
          end
          return original_setmetatable(t, mt)
        end
        string.dump = nil
        local pcall, pack, unpack = pcall, table.pack, table.unpack
        xpcall = function(f, handler, ...)
          local results = pack(pcall(f, ...))
          if results[1] then
            return unpack(results, 1, results.n)
          end
          return false, handler(results[2])
        end
        """;

    private const int HookInstructionCount = 1000;
    private const int CountHookMask = 1 << 3;

    // lua_error(L) raises the value on top of the stack; installed as a count hook it stops the thread at its next
    // instruction. Its signature is the hook's minus the second argument, which C calling conventions ignore.
    private static readonly Lazy<IntPtr> LuaError = new(() =>
        NativeLibrary.GetExport(NativeLibrary.Load("lua54", typeof(LuaSandbox).Assembly, null), "lua_error"));

    private readonly LuaLimits limits;
    private readonly LuaAlloc allocator;
    private readonly LuaHookFunction hook;
    private readonly Stopwatch clock = new();
    private readonly Lua state;
    private readonly IntPtr luaError;
    private long allocated;
    private bool enforceMemory;
    private bool timedOut;

    private LuaSandbox(LuaLimits limits)
    {
        this.limits = limits;
        allocator = Allocate;
        hook = OnInstructions;
        state = new Lua(allocator, IntPtr.Zero) { Encoding = Encoding.UTF8 };
        state.OpenBasicLibrary();
        state.OpenStringLibrary();
        state.OpenTableLibrary();
        state.OpenMathLibrary();
        state.OpenUTF8Library();
        state.OpenCoroutineLibrary();
        state.SetTop(0);
        luaError = LuaError.Value;
        NativeMethods.SetHook(state.Handle, Marshal.GetFunctionPointerForDelegate(hook), CountHookMask, HookInstructionCount);
        Run(Prelude, "=prelude");
    }

    /// <summary>A fresh state; <see cref="LuaFailure.Unavailable"/> when the native Lua library cannot be loaded here.</summary>
    public static LuaSandbox Create(LuaLimits? limits = null)
    {
        try
        {
            return new LuaSandbox(limits ?? LuaLimits.Default);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new LuaScriptException(
                LuaFailure.Unavailable,
                $"Lua scripts cannot run here: the native Lua library for {RuntimeInformation.RuntimeIdentifier} could not be loaded ({ex.Message}).",
                ex);
        }
    }

    /// <summary>Lua's own compile error for <paramref name="source"/> (e.g. <c>evaluate:3: 'end' expected near &lt;eof&gt;</c>), or null.</summary>
    public static string? CompileError(string source, string chunkName)
    {
        using var sandbox = Create();
        var thread = sandbox.NewThread();
        try
        {
            return thread.LoadString(source, chunkName) == LuaStatus.OK ? null : ErrorText(thread);
        }
        finally
        {
            sandbox.state.SetTop(0);
        }
    }

    /// <summary>
    /// Compiles and runs a chunk in its own coroutine and returns what it returns: booleans, strings, integers
    /// (long), floats (double) and nils (null). Other values are reported by their Lua type name in angle brackets.
    /// </summary>
    public IReadOnlyList<object?> Run(string source, string chunkName)
    {
        var thread = NewThread();
        try
        {
            if (thread.LoadString(source, chunkName) != LuaStatus.OK)
            {
                throw new LuaScriptException(LuaFailure.Syntax, ErrorText(thread));
            }

            timedOut = false;
            enforceMemory = true;
            clock.Restart();
            LuaStatus status;
            int results;
            try
            {
                status = thread.Resume(null, 0, out results);
            }
            finally
            {
                enforceMemory = false;
            }

            // The stop may have hit inside a pcall or a coroutine of the script, which then ended some other way.
            return status switch
            {
                _ when timedOut => throw new LuaScriptException(LuaFailure.Timeout, $"{Describe(chunkName)} ran longer than {limits.CallTimeout.TotalSeconds:0.###} s and was stopped"),
                LuaStatus.OK => Results(thread, results),
                LuaStatus.Yield => throw new LuaScriptException(LuaFailure.Runtime, $"{Describe(chunkName)} yielded outside a coroutine"),
                LuaStatus.ErrMem => throw new LuaScriptException(LuaFailure.Memory, $"{Describe(chunkName)} needed more than {limits.MemoryBytes >> 20} MiB of memory and was stopped"),
                _ => throw new LuaScriptException(LuaFailure.Runtime, ErrorText(thread)),
            };
        }
        finally
        {
            state.SetTop(0);
        }
    }

    public void Dispose() => state.Close();

    private Lua NewThread()
    {
        var thread = state.NewThread();
        thread.Encoding = Encoding.UTF8;
        return thread;
    }

    private static string Describe(string chunkName) => chunkName.TrimStart('=', '@');

    private static List<object?> Results(Lua thread, int count)
    {
        var values = new List<object?>(count);
        for (var i = 1; i <= count; i++)
        {
            values.Add(thread.Type(i) switch
            {
                LuaType.Nil => null,
                LuaType.Boolean => thread.ToBoolean(i),
                LuaType.Number when thread.IsInteger(i) => thread.ToInteger(i),
                LuaType.Number => thread.ToNumber(i),
                LuaType.String => thread.ToString(i, false),
                var other => $"<{thread.TypeName(other)}>",
            });
        }

        return values;
    }

    // The error value is usually Lua's message string; anything else is named, never converted through metamethods.
    private static string ErrorText(Lua thread) =>
        thread.Type(-1) == LuaType.String ? thread.ToString(-1, false) : $"(an error value of type {thread.TypeName(thread.Type(-1))})";

    // Called from native code: nothing may throw out of it.
    private void OnInstructions(IntPtr luaState, IntPtr debug)
    {
        if (clock.Elapsed > limits.CallTimeout)
        {
            timedOut = true;
            NativeMethods.SetHook(luaState, luaError, CountHookMask, 1);
        }
    }

    private unsafe IntPtr Allocate(IntPtr userData, IntPtr pointer, UIntPtr oldSize, UIntPtr newSize)
    {
        var previous = pointer == IntPtr.Zero ? 0 : (long)oldSize;
        if (newSize == UIntPtr.Zero)
        {
            NativeMemory.Free((void*)pointer);
            allocated -= previous;
            return IntPtr.Zero;
        }

        var growth = (long)newSize - previous;
        if (enforceMemory && growth > 0 && allocated + growth > limits.MemoryBytes)
        {
            return IntPtr.Zero;
        }

        var block = (IntPtr)NativeMemory.Realloc((void*)pointer, newSize);
        if (block != IntPtr.Zero)
        {
            allocated += growth;
        }

        return block;
    }
}
