namespace Sveltos.Engine.Scripting;

/// <summary>
/// How long one script call may run and how much memory its Lua state may hold. Sveltos scripts inspect a few
/// objects; these bounds are far above what such work needs and far below what would hurt a sync.
/// </summary>
internal sealed record LuaLimits(TimeSpan CallTimeout, long MemoryBytes)
{
    public static LuaLimits Default { get; } = new(TimeSpan.FromSeconds(2), 64L << 20);
}
