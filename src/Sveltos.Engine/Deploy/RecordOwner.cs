namespace Sveltos.Engine.Deploy;

/// <summary>The fleet a sync writes deployment records for: its identity and how it describes itself.</summary>
public sealed record RecordOwner(string Fleet, string Description)
{
    /// <summary>Whether a record was written by this fleet.</summary>
    public bool Owns(DeploymentRecord record) => record.Fleet == Fleet;
}
