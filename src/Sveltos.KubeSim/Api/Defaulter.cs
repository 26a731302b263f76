using System.Text.Json.Nodes;
using Sveltos.KubeSim.Json;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Api;

/// <summary>The defaults the API server fills in on create that clients commonly read back.</summary>
internal sealed class Defaulter
{
    private int _nextServiceIp = 1;

    public void OnCreate(ResourceType type, JsonObject obj)
    {
        if (type.IsCustom)
        {
            return;
        }
        var spec = obj["spec"] as JsonObject;
        switch (type.Group, type.Kind)
        {
            case ("", "Namespace"):
                obj.Metadata().GetOrAddObject("labels")["kubernetes.io/metadata.name"] = obj.Metadata().GetString("name");
                obj.GetOrAddObject("spec")["finalizers"] ??= new JsonArray("kubernetes");
                obj.GetOrAddObject("status")["phase"] = "Active";
                break;
            case ("", "Secret"):
                obj["type"] ??= "Opaque";
                break;
            case ("", "Service"):
                spec = obj.GetOrAddObject("spec");
                spec["type"] ??= "ClusterIP";
                spec["sessionAffinity"] ??= "None";
                if (spec.GetString("clusterIP") is null)
                {
                    var n = Interlocked.Increment(ref _nextServiceIp);
                    var ip = $"10.96.{n / 250}.{n % 250 + 1}";
                    spec["clusterIP"] = ip;
                    spec["clusterIPs"] = new JsonArray(ip);
                }
                break;
            case ("", "Pod"):
                obj.GetOrAddObject("status")["phase"] = "Pending";
                break;
            case ("apps", "Deployment" or "StatefulSet" or "ReplicaSet") when spec is not null:
                spec["replicas"] ??= 1;
                break;
            case ("batch", "Job") when spec is not null:
                spec["completions"] ??= 1;
                spec["parallelism"] ??= 1;
                spec["backoffLimit"] ??= 6;
                break;
        }
    }
}
