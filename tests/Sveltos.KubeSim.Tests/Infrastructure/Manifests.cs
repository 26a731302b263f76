namespace Sveltos.KubeSim.Tests.Infrastructure;

/// <summary>YAML manifests the tests apply.</summary>
public static class Manifests
{
    public static string Deployment(string name, string ns, string image, int replicas = 2) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: {ns}
          labels:
            app: {name}
        spec:
          replicas: {replicas}
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
              - name: web
                image: {image}
                ports:
                - containerPort: 80
        """;

    public static string ConfigMap(string name, string ns, string key, string value) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {name}
          namespace: {ns}
          labels:
            app: {name}
        data:
          {key}: "{value}"
        """;

    public static string CustomResourceDefinition(string group, string kind, string plural) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: {{plural}}.{{group}}
        spec:
          group: {{group}}
          names:
            kind: {{kind}}
            plural: {{plural}}
            singular: {{kind.ToLowerInvariant()}}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
        """;

    public static string CustomResource(string group, string kind, string name, string ns, int size) => $"""
        apiVersion: {group}/v1
        kind: {kind}
        metadata:
          name: {name}
          namespace: {ns}
        spec:
          size: {size}
        """;
}
