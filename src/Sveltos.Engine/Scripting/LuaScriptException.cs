namespace Sveltos.Engine.Scripting;

/// <summary>Why a Lua script could not give an answer.</summary>
internal enum LuaFailure
{
    /// <summary>The script does not compile.</summary>
    Syntax,

    /// <summary>The script raised an error while running.</summary>
    Runtime,

    /// <summary>A call ran past <see cref="LuaLimits.CallTimeout"/>.</summary>
    Timeout,

    /// <summary>The state needed more than <see cref="LuaLimits.MemoryBytes"/>.</summary>
    Memory,

    /// <summary>The native Lua library is not available on this platform.</summary>
    Unavailable,
}

/// <summary>A Lua script failed; the message is Lua's own (chunk name, line, problem) or names the limit it hit.</summary>
internal sealed class LuaScriptException(LuaFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public LuaFailure Failure { get; } = failure;
}
