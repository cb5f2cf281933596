namespace IomDirectory.Server.Changes;

/// <summary>A write's answer that reports the sequence number of the last change it committed.</summary>
public interface ISequenced
{
    long Sequence { get; set; }
}
