using System.Text.Json.Nodes;
using Sveltos.Engine.Fleet;
using Sveltos.Engine.Kube;
using Sveltos.Engine.Redaction;
using Sveltos.Engine.Yaml;

namespace Sveltos.Engine.Deploy;

/// <summary>
/// Shows what a planned change would do to an object, the way kubectl diff does: the live object
/// against the server's own dry-run result of the apply, both without server bookkeeping, and a
/// Secret without its values (<see cref="SecretRedactor"/>).
/// </summary>
public static class ObjectDiffer
{
    private static readonly string[] BookkeepingFields = ["managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink"];

    public static async Task<string> DiffAsync(KubeClient client, PlannedChange change, CancellationToken cancellationToken)
    {
        var label = change.Key.ToString();
        var after = change.Action switch
        {
            ObjectAction.Deleted => null,
            ObjectAction.Released => change.Live is null ? null : Untracked(change.Live),
            _ when change.Desired is not null => await DryRunAsync(client, change.Desired, cancellationToken).ConfigureAwait(false),
            _ => change.Live,
        };
        var (before, shownAfter) = SecretRedactor.ForDiff(change.Live, after);
        return UnifiedDiff.Create(Render(before), Render(shownAfter), $"live/{label}", $"desired/{label}");
    }

    private static async Task<JsonObject> DryRunAsync(KubeClient client, DesiredObject desired, CancellationToken cancellationToken)
    {
        try
        {
            if (await client.FindResourceAsync(desired.Key.ApiVersion, desired.Key.Kind, cancellationToken).ConfigureAwait(false) is { } resource)
            {
                return await client.ApplyAsync(resource, desired.Object, FieldManagers.Sveltos, force: true, dryRun: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (KubeApiException)
        {
            // The server cannot dry-run it yet (its namespace or CRD comes in the same sync): show the object as written.
        }

        return desired.Object;
    }

    private static string Render(JsonObject? obj)
    {
        if (obj is null)
        {
            return "";
        }

        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in BookkeepingFields)
            {
                metadata.Remove(field);
            }
        }

        return YamlText.FromJson(copy);
    }

    private static JsonObject Untracked(JsonObject live)
    {
        var copy = (JsonObject)live.DeepClone();
        (copy["metadata"]?["labels"] as JsonObject)?.Remove(Tracking.ReasonLabel);
        if (copy["metadata"]?["annotations"] is JsonObject annotations)
        {
            foreach (var annotation in Tracking.Annotations)
            {
                annotations.Remove(annotation);
            }
        }

        return copy;
    }
}
