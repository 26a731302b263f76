using System.Text.Json.Nodes;

namespace Sveltos.Engine.Yaml;

/// <summary>Renders JSON objects as YAML, the way the module shows Kubernetes objects to people.</summary>
public static class YamlText
{
    public static string FromJson(JsonNode node) => YamlDocumentWriter.Write(ObjectTreeConverter.FromObject(node));
}
