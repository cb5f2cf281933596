using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Cli;

/// <summary>
/// <c>--set field=value</c> onto an update's input message, giving the field-mask paths. Fields are the input's
/// proto names; localized texts take a language (<c>name.fr</c>; plain <c>name</c> means <c>name.en</c>); enums
/// take the short name (<c>kind=division</c>); lists take items separated by ';'.
/// </summary>
public static class FieldAssignments
{
    public static IReadOnlyList<string> Apply(IMessage input, IEnumerable<string> assignments, IReadOnlyDictionary<string, string> refused)
    {
        var paths = new List<string>();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw Usage($"--set '{assignment}': expected field=value");
            var path = assignment[..equals].Trim();
            var value = assignment[(equals + 1)..];
            if (refused.TryGetValue(path, out var why))
                throw Usage($"--set {path}: {why}");
            paths.Add(Set(input, path, value, refused));
        }
        return paths.Distinct().ToList();
    }

    /// <summary>The paths one may set on this input: "acronym", "name.en", "name.fr"…</summary>
    public static IEnumerable<string> Known(MessageDescriptor input, IReadOnlyDictionary<string, string>? refused = null) => input.Fields.InFieldNumberOrder().SelectMany(f =>
        f.FieldType == FieldType.Message ? f.MessageType.Fields.InFieldNumberOrder().Select(s => $"{f.Name}.{s.Name}") : [f.Name])
        .Where(path => refused is null || !refused.ContainsKey(path));

    private static string Set(IMessage input, string path, string value, IReadOnlyDictionary<string, string> refused)
    {
        var parts = path.Split('.');
        var field = input.Descriptor.FindFieldByName(parts[0]) ?? throw Unknown(input, path, refused);
        if (field.FieldType == FieldType.Message)
        {
            if (parts.Length == 1)
                parts = [parts[0], "en"];
            var nested = (IMessage?)field.Accessor.GetValue(input);
            if (nested is null)
            {
                nested = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                field.Accessor.SetValue(input, nested);
            }
            var inner = nested.Descriptor.FindFieldByName(parts[1]);
            if (parts.Length != 2 || inner is null || inner.FieldType != FieldType.String)
                throw Unknown(input, path, refused);
            inner.Accessor.SetValue(nested, value);
            return $"{parts[0]}.{parts[1]}";
        }
        if (parts.Length != 1)
            throw Unknown(input, path, refused);
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(input);
            list.Clear();
            foreach (var item in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                list.Add(item);
        }
        else if (field.FieldType == FieldType.Enum)
        {
            field.Accessor.SetValue(input, Enum.ToObject(field.EnumType.ClrType, Enums.Parse(field.EnumType, value, $"--set {path}")));
        }
        else
        {
            field.Accessor.SetValue(input, value);
        }
        return field.Name;
    }

    private static CliFailure Unknown(IMessage input, string path, IReadOnlyDictionary<string, string> refused) =>
        Usage($"--set {path}: unknown field; known: {string.Join(", ", Known(input.Descriptor, refused))}");

    private static CliFailure Usage(string message) => new(ExitCodes.Usage, message);
}
