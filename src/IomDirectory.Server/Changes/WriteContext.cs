namespace IomDirectory.Server.Changes;

/// <summary>What every write carries: why, and from when it takes effect (UTC; a future date schedules it).</summary>
public sealed record WriteContext(string Reason, DateTime EffectiveFrom);
