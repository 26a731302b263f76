using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Sveltos.KubeSim.Hosting;

/// <summary>The transport registered with Kestrel: binding a <see cref="PortGroupEndPoint"/> yields its port group.</summary>
internal sealed class PortGroupTransport(IReadOnlyDictionary<PortGroupEndPoint, PortGroup> groups) : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    public bool CanBind(EndPoint endpoint) => endpoint is PortGroupEndPoint group && groups.ContainsKey(group);

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        endpoint is PortGroupEndPoint group && groups.TryGetValue(group, out var listener)
            ? ValueTask.FromResult<IConnectionListener>(listener)
            : throw new NotSupportedException($"KubeSim binds only its port groups, not {endpoint}");
}
