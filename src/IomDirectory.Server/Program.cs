using IomDirectory.Security;
using IomDirectory.Server.Hosting;

try
{
    return await ServerHost.RunAsync(args);
}
catch (SigningKeyException ex)
{
    // An unsafe, corrupt or short signing key is a configuration problem the message explains, not a crash.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
