using Google.Protobuf.Reflection;
using IomDirectory.Contracts.V1;

namespace IomDirectory.Cli;

/// <summary>The methods the CLI calls, found by name in the descriptors compiled from protos/.</summary>
public static class Api
{
    private static readonly ServiceDescriptor DirectoryService = DirectoryReflection.Descriptor.Services.Single(s => s.Name == "DirectoryService");
    private static readonly ServiceDescriptor RoutingService = RoutingReflection.Descriptor.Services.Single(s => s.Name == "RoutingService");
    private static readonly ServiceDescriptor AdminService = AdminReflection.Descriptor.Services.Single(s => s.Name == "AdminService");

    public static MethodDescriptor Directory(string name) => Find(DirectoryService, name);

    public static MethodDescriptor Routing(string name) => Find(RoutingService, name);

    public static MethodDescriptor Admin(string name) => Find(AdminService, name);

    private static MethodDescriptor Find(ServiceDescriptor service, string name) =>
        service.FindMethodByName(name) ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
}
