using System.Net;

namespace Sveltos.KubeSim.Hosting;

/// <summary>The endpoint Kestrel binds for a group of ports whose connections arrive through one <see cref="PortGroup"/>.</summary>
internal sealed class PortGroupEndPoint(string name) : EndPoint
{
    public string Name { get; } = name;

    public override string ToString() => "kubesim:" + Name;
}
