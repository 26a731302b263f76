using System.Text.Json.Nodes;
using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Drift;

/// <summary>
/// One-shot drift check of a cluster (Test-Drift): its deployment records, then one LIST per kind of
/// the objects they track (selected by the tracking label), compared object by object.
/// </summary>
public static class DriftCheck
{
    public static async Task<(IReadOnlyList<DriftFinding> Drifted, IReadOnlyList<UncheckedObject> Unchecked)> CheckAsync(
        KubeClient client,
        string cluster,
        Func<ProfileRef, bool> profiles,
        CancellationToken cancellationToken)
    {
        var records = (await DeploymentRecordStore.ListAsync(client, cancellationToken).ConfigureAwait(false))
            .Where(r => DriftEvaluator.Watched(r, profiles))
            .ToList();
        var drifted = new List<DriftFinding>();
        var notChecked = new List<UncheckedObject>();
        var live = await ListTrackedAsync(client, records.SelectMany(r => r.Objects), cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            foreach (var recorded in record.Objects)
            {
                live.TryGetValue(recorded.Key, out var obj);
                switch (DriftEvaluator.Evaluate(record, recorded, obj))
                {
                    case DriftVerdict.Modified:
                        drifted.Add(new DriftFinding(cluster, record.Profile, recorded.Key, DriftChange.Modified, obj));
                        break;
                    case DriftVerdict.Deleted:
                        drifted.Add(new DriftFinding(cluster, record.Profile, recorded.Key, DriftChange.Deleted, null));
                        break;
                    case DriftVerdict.Unknown:
                        notChecked.Add(new UncheckedObject(cluster, record.Profile, recorded.Key, record.Status == DeploymentStatus.Provisioned
                            ? "no drift hash recorded (deployed before drift detection); the next sync that changes the profile records it"
                            : $"the last sync did not finish ({record.Status}); run Invoke-ProfileSync"));
                        break;
                }
            }
        }

        return (drifted, notChecked);
    }

    /// <summary>The live tracked objects of the given kinds, by key: one LIST per kind, across namespaces.</summary>
    public static async Task<Dictionary<ObjectKey, JsonObject>> ListTrackedAsync(KubeClient client, IEnumerable<RecordedObject> objects, CancellationToken cancellationToken)
    {
        var live = new Dictionary<ObjectKey, JsonObject>();
        foreach (var kind in objects.GroupBy(o => (o.Key.Group, o.Kind)).Select(g => g.First()))
        {
            // A kind no longer served (its CRD was removed) has no objects: they are all deleted.
            if (await client.FindResourceAsync(kind.ApiVersion, kind.Kind, cancellationToken).ConfigureAwait(false) is not { } resource)
            {
                continue;
            }

            var list = await client.ListAsync(resource, null, Tracking.ReasonLabel, cancellationToken).ConfigureAwait(false);
            foreach (var item in list.Items)
            {
                live[ObjectKey.Of(item)] = item;
            }
        }

        return live;
    }
}
