using Sveltos.Engine.Deploy;
using Sveltos.Engine.Kube;

namespace Sveltos.Engine.Drift;

/// <summary>
/// One-shot drift check of a cluster (Test-Drift): its deployment records (of one fleet, when given), then one LIST per kind of the
/// objects they track (selected by the tracking label), compared object by object; an object the list does
/// not hold (its tracking label removed by hand) is read by itself before it is called deleted.
/// </summary>
public static class DriftCheck
{
    public static async Task<(IReadOnlyList<DriftFinding> Drifted, IReadOnlyList<UncheckedObject> Unchecked)> CheckAsync(
        KubeClient client,
        string cluster,
        Func<ProfileRef, bool> profiles,
        CancellationToken cancellationToken,
        string? fleet = null)
    {
        var records = (await DeploymentRecordStore.ListAsync(client, cancellationToken).ConfigureAwait(false))
            .Where(r => DriftEvaluator.Watched(r, profiles, fleet))
            .ToList();
        var drifted = new List<DriftFinding>();
        var notChecked = new List<UncheckedObject>();
        var live = new LiveObjects(client);
        foreach (var record in records)
        {
            var seal = await live.SealForAsync(record, cancellationToken).ConfigureAwait(false);
            foreach (var recorded in record.Objects)
            {
                var obj = await live.GetAsync(recorded.Key, tracked: true, cancellationToken).ConfigureAwait(false);
                switch (DriftEvaluator.Evaluate(record, recorded, obj, seal))
                {
                    case DriftVerdict.Modified:
                        drifted.Add(new DriftFinding(cluster, record.Profile, recorded.Key, DriftChange.Modified, obj));
                        break;
                    case DriftVerdict.Deleted:
                        drifted.Add(new DriftFinding(cluster, record.Profile, recorded.Key, DriftChange.Deleted, null));
                        break;
                    case DriftVerdict.Unknown:
                        notChecked.Add(new UncheckedObject(cluster, record.Profile, recorded.Key, record.Status == DeploymentStatus.Provisioned
                            ? "the state it was left in is not recorded (deployed by an earlier version of the module); the next Invoke-ProfileSync records it"
                            : $"the last sync did not finish ({record.Status}{(record.Message.Length > 0 ? ": " + record.Message : "")}); run Invoke-ProfileSync"));
                        break;
                }
            }
        }

        return (drifted, notChecked);
    }
}
