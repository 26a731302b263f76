using System.Diagnostics;
using Sveltos.Engine.Scripting;
using Xunit;

namespace Sveltos.Engine.Tests.Scripting;

public sealed class LuaSandboxTests
{
    private static readonly LuaLimits Tight = new(TimeSpan.FromMilliseconds(200), 8L << 20);

    [Fact]
    public void Returns_scalars_as_dotnet_values_and_other_values_by_type_name()
    {
        using var lua = LuaSandbox.Create();
        var values = lua.Run("return 1 + 1, 1.5, 'text', true, nil, {}, print", "=test");
        Assert.Equal<object?>([2L, 1.5, "text", true, null, "<table>", "<function>"], values);
    }

    [Fact]
    public void Globals_set_by_one_chunk_are_seen_by_the_next()
    {
        using var lua = LuaSandbox.Create();
        lua.Run("function double(x) return x * 2 end", "=defs");
        Assert.Equal<object?>([42L], lua.Run("return double(21)", "=call"));
    }

    [Fact]
    public void A_syntax_error_names_the_chunk_and_line()
    {
        using var lua = LuaSandbox.Create();
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run("local x = 1\nif x then\n", "=evaluate"));
        Assert.Equal(LuaFailure.Syntax, ex.Failure);
        Assert.Equal("evaluate:3: 'end' expected (to close 'if' at line 2) near <eof>", ex.Message);
        Assert.Equal(ex.Message, LuaSandbox.CompileError("local x = 1\nif x then\n", "=evaluate"));
        Assert.Null(LuaSandbox.CompileError("return 1", "=evaluate"));
    }

    [Fact]
    public void A_runtime_error_names_the_chunk_line_and_problem()
    {
        using var lua = LuaSandbox.Create();
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run("local obj = {}\nreturn obj.spec.replicas", "=evaluate"));
        Assert.Equal(LuaFailure.Runtime, ex.Failure);
        Assert.Equal("evaluate:2: attempt to index a nil value (field 'spec')", ex.Message);
    }

    [Fact]
    public void An_error_value_that_is_not_a_string_is_named_without_running_its_metamethods()
    {
        using var lua = LuaSandbox.Create();
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run("error(setmetatable({}, { __tostring = function() while true do end end }))", "=t"));
        Assert.Equal("(an error value of type table)", ex.Message);
    }

    [Theory]
    [InlineData("while true do end")]
    [InlineData("local function f() return f() end return f()")]
    [InlineData("while true do pcall(function() while true do end end) end")]
    [InlineData("local co = coroutine.wrap(function() while true do end end) co()")]
    [InlineData("table.sort({3, 2, 1}, function(a, b) while true do end end)")]
    [InlineData("string.gsub('aaa', 'a', function() while true do end end)")]
    [InlineData("local t = setmetatable({}, { __index = function() while true do end end }) return t.x")]
    [InlineData("while true do xpcall(function() while true do end end, function() while true do end end) end")]
    public void A_runaway_script_is_stopped_at_the_time_limit(string script)
    {
        using var lua = LuaSandbox.Create(Tight);
        var clock = Stopwatch.StartNew();
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run(script, "=evaluate"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"stopped after {clock.Elapsed}");
        Assert.Equal(LuaFailure.Timeout, ex.Failure);
        Assert.Equal("evaluate ran longer than 0.2 s and was stopped", ex.Message);
        Assert.Equal<object?>(["still usable"], lua.Run("return 'still usable'", "=after"));
    }

    [Theory]
    [InlineData("local s = string.rep('x', 1e9)")]
    [InlineData("local t = {} for i = 1, 1e9 do t[i] = i end")]
    [InlineData("local s = 'x' while true do s = s .. s end")]
    public void A_script_that_grows_without_bound_is_stopped_at_the_memory_limit(string script)
    {
        using var lua = LuaSandbox.Create(Tight with { CallTimeout = TimeSpan.FromSeconds(10) });
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run(script, "=evaluate"));
        Assert.Equal(LuaFailure.Memory, ex.Failure);
        Assert.Equal("evaluate needed more than 8 MiB of memory and was stopped", ex.Message);
    }

    [Theory]
    [InlineData("os")]
    [InlineData("io")]
    [InlineData("package")]
    [InlineData("debug")]
    [InlineData("require")]
    [InlineData("load")]
    [InlineData("loadstring")]
    [InlineData("loadfile")]
    [InlineData("dofile")]
    [InlineData("collectgarbage")]
    [InlineData("string.dump")]
    public void Nothing_reaches_outside_the_sandbox(string global)
    {
        using var lua = LuaSandbox.Create();
        Assert.Equal<object?>([null], lua.Run($"return {global}", "=t"));
    }

    [Fact]
    public void The_safe_libraries_are_there()
    {
        using var lua = LuaSandbox.Create();
        var values = lua.Run("return string.upper('a'), table.concat({1, 2}, ','), math.max(3, 4), utf8.len('é'), type(coroutine.wrap), select('#', print('quiet'))", "=t");
        Assert.Equal<object?>(["A", "1,2", 4L, 1L, "function", 0L], values);
    }

    [Fact]
    public void Xpcall_still_calls_its_handler_and_passes_arguments()
    {
        using var lua = LuaSandbox.Create();
        Assert.Equal<object?>([false, "handled t:1: boom"], lua.Run("return xpcall(function() error('boom') end, function(m) return 'handled ' .. m end)", "=t"));
        Assert.Equal<object?>([true, 5L], lua.Run("return xpcall(function(a, b) return a + b end, print, 2, 3)", "=t"));
    }

    [Fact]
    public void Finalizers_cannot_be_installed_because_nothing_could_bound_their_time()
    {
        using var lua = LuaSandbox.Create();
        var ex = Assert.Throws<LuaScriptException>(() => lua.Run("setmetatable({}, { __gc = function() end })", "=t"));
        Assert.Equal("t:1: __gc metamethods are not allowed in this sandbox", ex.Message);
        Assert.Equal<object?>(["<table>"], lua.Run("return setmetatable({}, { __index = {} })", "=t"));
    }

    [Fact]
    public void Sandboxes_run_side_by_side_on_many_threads()
    {
        var results = new int[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            using var lua = LuaSandbox.Create(Tight);
            lua.Run($"n = {i}", "=data");
            results[i] = (int)(long)lua.Run("local s = 0 for k = 1, 100000 do s = s + 1 end return n + s - 100000", "=t")[0]!;
            Assert.Throws<LuaScriptException>(() => lua.Run("while true do end", "=loop"));
        });
        Assert.Equal(Enumerable.Range(0, 16), results);
    }
}
