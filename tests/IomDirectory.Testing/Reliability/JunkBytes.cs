namespace IomDirectory.Testing.Reliability;

/// <summary>Random and mutated bytes for junk requests.</summary>
public static class JunkBytes
{
    public static byte[] Of(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A copy with 1–3 bytes replaced at random positions.</summary>
    public static byte[] Mutate(Random random, byte[] original)
    {
        var copy = (byte[])original.Clone();
        for (var n = random.Next(1, 4); n > 0; n--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }
}
