using Sveltos.Engine.Helm.Rendering;

namespace Sveltos.Engine.Tests.Helm.Rendering;

public class InstallOrderTests
{
    [Fact]
    public void Known_kinds_go_in_Helm_order_and_unknown_kinds_last_alphabetically_keeping_document_order()
    {
        var items = new[]
        {
            ("Deployment", 1), ("Widget", 2), ("Namespace", 3), ("Apple", 4), ("Deployment", 5), ("Widget", 6),
            ("Service", 7), ("PriorityClass", 8), ("", 9), ("APIService", 10), ("ConfigMap", 11), ("Secret", 12),
        };

        var sorted = InstallOrder.Sort(items, i => i.Item1).Select(i => i.Item2);

        Assert.Equal([8, 3, 12, 11, 7, 1, 5, 10, 9, 4, 2, 6], sorted);
    }

    [Fact]
    public void The_list_is_Helm_3s_with_IngressClass_before_Ingress()
    {
        var kinds = InstallOrder.Kinds;

        Assert.Equal(36, kinds.Count);
        Assert.Equal("PriorityClass", kinds[0]);
        Assert.Equal("APIService", kinds[^1]);
        Assert.True(kinds.ToList().IndexOf("IngressClass") + 1 == kinds.ToList().IndexOf("Ingress"));
        Assert.True(kinds.ToList().IndexOf("ServiceAccount") < kinds.ToList().IndexOf("Secret"));
    }

    [Fact]
    public void Uninstall_removes_webhooks_first_workloads_before_their_config_custom_resources_before_their_definition_namespaces_last()
    {
        string[] kinds = ["Namespace", "ConfigMap", "Gadget", "CustomResourceDefinition", "Deployment", "ServiceAccount", "ValidatingWebhookConfiguration", "Alpha", "Service"];

        var sorted = InstallOrder.SortForUninstall(kinds, k => k);

        Assert.Equal(["ValidatingWebhookConfiguration", "Service", "Deployment", "Alpha", "Gadget", "CustomResourceDefinition", "ConfigMap", "ServiceAccount", "Namespace"], sorted);
    }
}
