using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;
using Sveltos.KubeSim.Store;

namespace Sveltos.KubeSim.Api;

/// <summary>
/// Streams a watch: a JSON sequence of {type, object} events (ADDED, MODIFIED, DELETED, BOOKMARK, ERROR). Objects moving
/// out of (into) a selector are reported as DELETED (ADDED), and an expired resourceVersion ends the stream with a 410 ERROR.
/// </summary>
internal sealed class WatchStreamer(SimulatedCluster cluster, ResourceType type, string version, string? ns, LabelSelector labels, FieldSelector fields)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context, IQueryCollection query)
    {
        var resourceVersion = query["resourceVersion"].ToString();
        var initialEvents = query["sendInitialEvents"] == "true";
        long? since = null;
        if (!initialEvents && resourceVersion is not ("" or "0"))
        {
            since = long.TryParse(resourceVersion, out var parsed) ? parsed : throw ApiException.BadRequest($"invalid resource version: {resourceVersion}");
        }
        var bookmarks = query["allowWatchBookmarks"] == "true";
        var table = TableBuilder.Wanted(context.Request.Headers.Accept.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        if (int.TryParse(query["timeoutSeconds"], out var seconds) && seconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = Responses.Json;
        WatchSubscription subscription;
        IReadOnlyList<StoreEvent> backlog;
        try
        {
            (subscription, backlog) = cluster.Store.Subscribe(type, ns, since);
        }
        catch (ApiException gone)
        {
            await WriteEventAsync(context, "ERROR", JsonTree.ToUtf8(Responses.Status(gone)), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        using (subscription)
        {
            try
            {
                await context.Response.StartAsync(timeout.Token).ConfigureAwait(false);
                foreach (var e in backlog)
                {
                    await SendAsync(context, e, table, timeout.Token).ConfigureAwait(false);
                }
                if (initialEvents)
                {
                    await SendBookmarkAsync(context, cluster.Store.ResourceVersion, initialEventsEnd: true, timeout.Token).ConfigureAwait(false);
                }
                await context.Response.Body.FlushAsync(timeout.Token).ConfigureAwait(false);
                await PumpAsync(context, subscription, bookmarks, table, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Timeout or client gone: the watch ends normally.
            }
        }
    }

    private async Task PumpAsync(HttpContext context, WatchSubscription subscription, bool bookmarks, bool table, CancellationToken cancel)
    {
        var reader = subscription.Events;
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (bookmarks)
            {
                wait.CancelAfter(cluster.BookmarkInterval);
            }
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                if (BookmarkVersion(reader) is { } rv)
                {
                    await SendBookmarkAsync(context, rv, initialEventsEnd: false, cancel).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
                }
                continue;
            }
            while (reader.TryRead(out var e))
            {
                await SendAsync(context, e, table, cancel).ConfigureAwait(false);
            }
            await context.Response.Body.FlushAsync(cancel).ConfigureAwait(false);
        }
    }

    /// <summary>The cluster's resourceVersion, if every event up to it has already been sent (nothing is queued for this watch).</summary>
    private long? BookmarkVersion(System.Threading.Channels.ChannelReader<StoreEvent> reader)
    {
        lock (cluster.Store.Gate)
        {
            return reader.TryPeek(out _) ? null : cluster.Store.ResourceVersion;
        }
    }

    private Task SendAsync(HttpContext context, StoreEvent e, bool table, CancellationToken cancel)
    {
        var matchesNow = Matches(e.Object);
        var matchedBefore = e.Previous is not null && Matches(e.Previous);
        var type = e.Type switch
        {
            StoreEventType.Added => matchesNow ? "ADDED" : null,
            StoreEventType.Deleted => matchedBefore || matchesNow ? "DELETED" : null,
            _ => (matchedBefore, matchesNow) switch
            {
                (true, true) => "MODIFIED",
                (false, true) => "ADDED",
                (true, false) => "DELETED",
                _ => null,
            },
        };
        if (type is null)
        {
            return Task.CompletedTask;
        }
        var body = table
            ? JsonTree.ToUtf8(TableBuilder.Build(e.Object.Type, version, [e.Object], e.ResourceVersion, null))
            : e.Object.JsonAt(version);
        return WriteEventAsync(context, type, body, cancel);
    }

    private bool Matches(StoredObject obj) => labels.Matches(obj.Labels) && fields.Matches(obj);

    private Task SendBookmarkAsync(HttpContext context, long rv, bool initialEventsEnd, CancellationToken cancel)
    {
        var metadata = new JsonObject { ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }
        var obj = new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion(version), ["metadata"] = metadata };
        return WriteEventAsync(context, "BOOKMARK", JsonTree.ToUtf8(obj), cancel);
    }

    private static async Task WriteEventAsync(HttpContext context, string type, byte[] obj, CancellationToken cancel)
    {
        var body = context.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":"), cancel).ConfigureAwait(false);
        await body.WriteAsync(obj, cancel).ConfigureAwait(false);
        await body.WriteAsync("}"u8.ToArray(), cancel).ConfigureAwait(false);
        await body.WriteAsync(NewLine, cancel).ConfigureAwait(false);
    }
}
