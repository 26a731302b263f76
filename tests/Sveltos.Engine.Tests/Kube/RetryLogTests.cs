using Sveltos.Engine.Kube;
using Sveltos.Engine.Tests.Support;

namespace Sveltos.Engine.Tests.Kube;

public sealed class RetryLogTests(KubeSimFleet sim) : IClassFixture<KubeSimFleet>
{
    [Fact]
    public async Task Each_retried_request_is_heard_by_listeners_and_counted_by_the_innermost_scope_only()
    {
        var heard = new List<RequestRetry>();
        var outer = new RetryCounter();
        var inner = new RetryCounter();
        sim.Server["c1"].FailureStatusCode = 429;
        sim.Server["c1"].RetryAfterSeconds = 0;
        sim.Server["c1"].FailNext = 2;
        using var client = sim.Client("c1");
        using (RetryLog.Listen(heard.Add))
        using (RetryLog.CountInto(outer))
        {
            using (RetryLog.CountInto(inner))
            {
                await client.GetServerVersionAsync(CancellationToken.None);
            }

            await client.GetServerVersionAsync(CancellationToken.None);
        }

        await client.GetServerVersionAsync(CancellationToken.None);
        Assert.Equal((2, 0), (inner.Count, outer.Count));
        Assert.Equal(2, heard.Count);
        Assert.Equal("Cluster 'c1': GET /version answered 429 Too Many Requests, as its Retry-After asks; retrying in 0.0 s (attempt 2 of 5).", heard[0].ToString());
        Assert.Equal(3, heard[1].Attempt + 1);
    }

    [Fact]
    public async Task A_refused_connection_is_reported_before_each_retry()
    {
        var heard = new List<RequestRetry>();
        using var client = sim.Client("c3", new KubeClientOptions { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) });
        await sim.Server["c3"].TakeDownAsync();
        try
        {
            using (RetryLog.Listen(heard.Add))
            {
                var error = await Assert.ThrowsAsync<SveltosException>(() => client.GetServerVersionAsync(CancellationToken.None));
                Assert.Equal("ClusterUnreachable", error.ErrorId);
            }
        }
        finally
        {
            await sim.Server["c3"].BringUpAsync();
        }

        var retry = Assert.Single(heard);
        Assert.StartsWith("Cluster 'c3': GET /version failed (", retry.ToString(), StringComparison.Ordinal);
    }
}
