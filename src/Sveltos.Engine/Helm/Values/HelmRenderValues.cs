using Sveltos.Engine.Helm.Charts;

namespace Sveltos.Engine.Helm.Values;

/// <summary>
/// What a render works from: the chart copy with disabled dependencies removed and aliases applied, the coalesced
/// values (the root chart's .Values; a subchart's are Values[its name or alias]) and Helm's warnings.
/// </summary>
public sealed record HelmRenderValues(Chart Chart, Dictionary<string, object?> Values, IReadOnlyList<string> Warnings);
