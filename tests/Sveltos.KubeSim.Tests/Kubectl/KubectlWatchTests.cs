using System.Text.Json;
using Sveltos.KubeSim.Tests.Infrastructure;

namespace Sveltos.KubeSim.Tests.Kubectl;

public sealed class KubectlWatchTests(KubeSimFixture fixture) : IClassFixture<KubeSimFixture>
{
    [Fact]
    public async Task Get_watch_sees_added_modified_and_deleted()
    {
        var ns = await fixture.NewNamespaceAsync();
        var kubectl = fixture.Kubectl();
        using var watch = kubectl.Start(["get", "configmaps", "-n", ns, "--watch", "--output-watch-events", "-o", "json", "--request-timeout=8s"]);
        var events = new List<(string Type, string Name)>();
        var reader = Task.Run(async () =>
        {
            var buffer = "";
            while (await watch.StandardOutput.ReadLineAsync() is { } line)
            {
                buffer += line + "\n";
                if (!line.EndsWith('}'))
                {
                    continue;
                }
                try
                {
                    using var json = JsonDocument.Parse(buffer);
                    lock (events)
                    {
                        events.Add((json.RootElement.GetProperty("type").GetString()!, json.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString()!));
                    }
                    buffer = "";
                }
                catch (JsonException)
                {
                    // A pretty-printed event continues on the next lines.
                }
            }
        });
        await Task.Delay(1500);

        (await kubectl.RunAsync("create", "configmap", "watched", "-n", ns)).Succeeded();
        (await kubectl.RunAsync("label", "configmap", "watched", "-n", ns, "seen=yes")).Succeeded();
        (await kubectl.RunAsync("delete", "configmap", "watched", "-n", ns)).Succeeded();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !Seen(events, "DELETED"))
        {
            await Task.Delay(100);
        }
        watch.Kill();
        await reader.WaitAsync(TimeSpan.FromSeconds(5));
        lock (events)
        {
            Assert.Equal([("ADDED", "watched"), ("MODIFIED", "watched"), ("DELETED", "watched")], events);
        }
    }

    private static bool Seen(List<(string Type, string Name)> events, string type)
    {
        lock (events)
        {
            return events.Any(e => e.Type == type);
        }
    }
}
