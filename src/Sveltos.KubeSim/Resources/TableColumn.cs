using System.Text.Json.Nodes;

namespace Sveltos.KubeSim.Resources;

/// <summary>One column of the server-side table (what kubectl get prints): its definition and how to compute a cell.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, Func<JsonObject, JsonNode?> Cell, string Format = "", int Priority = 0);
