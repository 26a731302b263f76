using System.Management.Automation;

namespace Sveltos.Infrastructure;

/// <summary>Lets a TimeSpan parameter take a number of seconds (-Timeout 30) as well as a TimeSpan or "00:00:30".</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecondsToTimeSpanAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            int seconds => TimeSpan.FromSeconds(seconds),
            long seconds => TimeSpan.FromSeconds(seconds),
            double seconds => TimeSpan.FromSeconds(seconds),
            var other => other,
        };
}
