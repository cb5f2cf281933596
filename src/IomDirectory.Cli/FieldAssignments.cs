using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IomDirectory.Cli;

/// <summary>
/// <c>--set field=value</c> onto a create's or an update's input message, giving the field-mask paths. One naming
/// style for every command and kind: a field is the input's proto name, nested fields joined with '.'
/// (<c>channels.phones</c>); a localized text takes a language (<c>name.fr</c>, <c>channels.route_reason.es</c>;
/// without one it means English); enums take the short name (<c>kind=division</c>); lists take items separated by ';'
/// (<c>channels.emails=a@iom.int;b@iom.int</c>); an empty value clears the field.
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
            paths.Add(MaskPath(Set(input, input, path.Split('.'), 0, value, refused, path)));
        }
        return paths.Distinct().ToList();
    }

    /// <summary>The paths one may set on this input: "acronym", "name.en", "channels.phones", "channels.route_reason.fr"…</summary>
    public static IEnumerable<string> Known(MessageDescriptor input, IReadOnlyDictionary<string, string>? refused = null) =>
        Paths(input, "").Where(path => refused is null || !refused.ContainsKey(path));

    /// <summary>The --set field a server's field path ("unit.channels.phones[0]", "office.name") stands for.</summary>
    public static string FlagFor(string serverField)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(serverField, @"\[\d+\]", "");
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && path[..dot] is "unit" or "office" or "mailbox" or "focal_point" ? $"--set {path[(dot + 1)..]}" : "";
    }

    private static IEnumerable<string> Paths(MessageDescriptor message, string prefix) => message.Fields.InFieldNumberOrder().SelectMany(f =>
        f.FieldType != FieldType.Message ? [prefix + f.Name]
        : f.MessageType.Name == "LocalizedText" ? f.MessageType.Fields.InFieldNumberOrder().Select(s => $"{prefix}{f.Name}.{s.Name}")
        : Paths(f.MessageType, $"{prefix}{f.Name}."));

    /// <summary>The update-mask path of a field set: a language of a top-level text stays ("name.fr"); every route part is "channels.route".</summary>
    private static string MaskPath(string path) =>
        path.StartsWith("channels.route_", StringComparison.Ordinal) ? "channels.route"
        : path.StartsWith("channels.", StringComparison.Ordinal) ? string.Join('.', path.Split('.').Take(2))
        : path;

    private static string Set(IMessage root, IMessage input, string[] parts, int at, string value, IReadOnlyDictionary<string, string> refused, string path)
    {
        var field = input.Descriptor.FindFieldByName(parts[at]) ?? throw Unknown(root, path, refused);
        var name = string.Join('.', parts.Take(at + 1));
        if (field.FieldType == FieldType.Message)
        {
            var nested = (IMessage?)field.Accessor.GetValue(input);
            if (nested is null)
            {
                nested = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
                field.Accessor.SetValue(input, nested);
            }
            if (field.MessageType.Name == "LocalizedText")
            {
                var language = at + 1 < parts.Length ? parts[at + 1] : "en";
                var inner = nested.Descriptor.FindFieldByName(language);
                if (at + 2 < parts.Length || inner is null || inner.FieldType != FieldType.String)
                    throw Unknown(root, path, refused);
                inner.Accessor.SetValue(nested, value);
                return $"{name}.{language}";
            }
            if (at + 1 >= parts.Length)
                throw Unknown(root, path, refused);
            return Set(root, nested, parts, at + 1, value, refused, path);
        }
        if (at + 1 != parts.Length)
            throw Unknown(root, path, refused);
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
        return name;
    }

    private static CliFailure Unknown(IMessage input, string path, IReadOnlyDictionary<string, string> refused) =>
        Usage($"--set {path}: unknown field; known: {string.Join(", ", Known(input.Descriptor, refused))}");

    private static CliFailure Usage(string message) => new(ExitCodes.Usage, message);
}
