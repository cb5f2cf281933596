using Google.Protobuf.Reflection;
using IomDirectory.Cli.Output;

namespace IomDirectory.Cli;

/// <summary>Enum values typed the way the data files write them: country_office, division…</summary>
public static class Enums
{
    public static readonly EnumDescriptor OfficeType = Contracts.V1.CommonReflection.Descriptor.EnumTypes.Single(e => e.Name == "OfficeType");
    public static readonly EnumDescriptor UnitKind = Contracts.V1.CommonReflection.Descriptor.EnumTypes.Single(e => e.Name == "UnitKind");

    public static int Parse(EnumDescriptor type, string text, string what)
    {
        var wanted = text.Trim().Replace('-', '_').ToLowerInvariant();
        var match = type.Values.FirstOrDefault(v => v.Number != 0 && MessageText.EnumName(type, v.Number) == wanted);
        return match?.Number ?? throw new CliFailure(ExitCodes.Usage,
            $"{what}: '{text}' is not one of {string.Join(", ", Names(type))}");
    }

    public static IEnumerable<string> Names(EnumDescriptor type) =>
        type.Values.Where(v => v.Number != 0).Select(v => MessageText.EnumName(type, v.Number));
}
