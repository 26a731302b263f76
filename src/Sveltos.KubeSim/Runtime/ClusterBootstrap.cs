using System.Text.Json.Nodes;
using Sveltos.KubeSim.Api;
using Sveltos.KubeSim.Resources;

namespace Sveltos.KubeSim.Runtime;

/// <summary>What a new cluster holds: the standard namespaces and its nodes, whose kubelets report the cluster version.</summary>
internal static class ClusterBootstrap
{
    public static readonly IReadOnlyList<string> Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Seed(SimulatedCluster cluster)
    {
        foreach (var ns in Namespaces)
        {
            cluster.Writer.Create(BuiltInResources.Namespaces, new JsonObject
            {
                ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns },
            }, new WriteRequest("v1", "", "kube-apiserver", false));
        }
        for (var i = 0; i < cluster.NodeCount; i++)
        {
            var name = NodeName(cluster.Name, i);
            var labels = new JsonObject
            {
                ["beta.kubernetes.io/arch"] = "amd64",
                ["beta.kubernetes.io/os"] = "linux",
                ["kubernetes.io/arch"] = "amd64",
                ["kubernetes.io/hostname"] = name,
                ["kubernetes.io/os"] = "linux",
            };
            if (i == 0)
            {
                labels["node-role.kubernetes.io/control-plane"] = "";
            }
            foreach (var (key, value) in cluster.NodeLabels)
            {
                labels[key] = value;
            }
            cluster.Writer.Create(BuiltInResources.Nodes, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Node",
                ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels },
                ["spec"] = new JsonObject { ["podCIDR"] = $"10.244.{i}.0/24" },
            }, new WriteRequest("v1", "", "kubelet", false));
            cluster.Writer.WriteStatus(BuiltInResources.Nodes, "", name, _ => NodeStatus(name, i, cluster.Version), "kubelet");
        }
    }

    public static void UpdateNodeVersions(SimulatedCluster cluster)
    {
        for (var i = 0; i < cluster.NodeCount; i++)
        {
            cluster.Writer.WriteStatus(BuiltInResources.Nodes, "", NodeName(cluster.Name, i), node =>
            {
                var status = (node["status"] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject();
                var info = status.GetOrAddNodeInfo();
                info["kubeletVersion"] = cluster.Version;
                info["kubeProxyVersion"] = cluster.Version;
                return status;
            }, "kubelet");
        }
    }

    /// <summary>Node names as kind makes them: the control plane first, then workers.</summary>
    public static string NodeName(string cluster, int index) =>
        index == 0 ? cluster + "-control-plane" : index == 1 ? cluster + "-worker" : $"{cluster}-worker{index}";

    private static JsonObject GetOrAddNodeInfo(this JsonObject status)
    {
        if (status["nodeInfo"] is JsonObject info)
        {
            return info;
        }
        var created = new JsonObject();
        status["nodeInfo"] = created;
        return created;
    }

    private static JsonObject NodeStatus(string name, int index, string version)
    {
        var now = Clock.Now();
        JsonObject Resources() => new() { ["cpu"] = "4", ["ephemeral-storage"] = "100Gi", ["memory"] = "16Gi", ["pods"] = "110" };
        return new JsonObject
        {
            ["capacity"] = Resources(),
            ["allocatable"] = Resources(),
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "Ready", ["status"] = "True", ["lastHeartbeatTime"] = now, ["lastTransitionTime"] = now,
                ["reason"] = "KubeletReady", ["message"] = "kubelet is posting ready status",
            }),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = $"172.18.0.{index + 2}" },
                new JsonObject { ["type"] = "Hostname", ["address"] = name }),
            ["nodeInfo"] = new JsonObject
            {
                ["architecture"] = "amd64",
                ["containerRuntimeVersion"] = "containerd://1.7.18",
                ["kernelVersion"] = "6.1.0",
                ["kubeProxyVersion"] = version,
                ["kubeletVersion"] = version,
                ["operatingSystem"] = "linux",
                ["osImage"] = "KubeSim",
                ["machineID"] = "", ["systemUUID"] = "", ["bootID"] = "",
            },
        };
    }
}
