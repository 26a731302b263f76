using Sveltos.Engine.Helm.Rendering;
using Sveltos.Engine.Helm.Sources;
using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>
/// What the Helm cmdlets share for the life of the module: one renderer, whose caches (parsed templates, rendered
/// results) make a second render of the same chart and values nearly free.
/// </summary>
internal static class HelmSession
{
    public static HelmRenderer Renderer { get; } = new();

    /// <summary>-Credential and the TLS switches as the engine's source options (the password only ever goes to the repository).</summary>
    public static ChartSourceOptions SourceOptions(PSCmdlet cmdlet, PSCredential? credential, string? caFile, bool skipCertificateCheck, bool plainHttp, bool passCredential) => new()
    {
        Username = credential?.UserName,
        Password = credential?.GetNetworkCredential().Password,
        CaFile = caFile is null ? null : cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(caFile),
        InsecureSkipTlsVerify = skipCertificateCheck,
        PlainHttp = plainHttp,
        PassCredentialsAll = passCredential,
    };
}
