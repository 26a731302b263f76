namespace Sveltos.KubeSim.Patching;

/// <summary>A patch that cannot be applied to the object (answered as 422).</summary>
internal sealed class PatchException(string message) : Exception(message);
