namespace Sveltos.KubeSim.Api;

/// <summary>Who writes, where, and how: the parts of a write request every write path needs.</summary>
internal sealed record WriteRequest(string Version, string Namespace, string Manager, bool DryRun, string Subresource = "");
