using Google.Protobuf.Reflection;

namespace IomDirectory.Grpc.Internal;

/// <summary>Symbols and files of every registered service and their transitive dependencies, built once.</summary>
internal sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);

    public ReflectionIndex(GrpcServiceRegistry registry)
    {
        var services = new List<string>();
        foreach (var binder in registry.Services)
        {
            services.Add(binder.Service.FullName);
            AddFile(binder.Service.File);
        }

        ServiceNames = services;
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFileByName(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindFileBySymbol(string symbol) => _symbols.GetValueOrDefault(symbol);

    public bool IsMessage(string fullName) => _messages.ContainsKey(fullName);

    /// <summary>The file followed by its transitive dependencies, each once.</summary>
    public static List<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var result = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>();
        pending.Push(file);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next.Name))
            {
                continue;
            }

            result.Add(next);
            foreach (var dependency in next.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            _symbols.TryAdd(service.FullName, file);
            foreach (var method in service.Methods)
            {
                _symbols.TryAdd(service.FullName + "." + method.Name, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, file);
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        _symbols.TryAdd(message.FullName, file);
        _messages.TryAdd(message.FullName, message);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            _symbols.TryAdd(field.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddEnum(enumType, file);
        }
    }

    private void AddEnum(EnumDescriptor enumType, FileDescriptor file)
    {
        _symbols.TryAdd(enumType.FullName, file);
        foreach (var value in enumType.Values)
        {
            _symbols.TryAdd(enumType.FullName + "." + value.Name, file);
        }
    }
}
